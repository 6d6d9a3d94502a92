/**
 * The Flink releases of each supported minor version: patch releases 0 to the newest, whose image is the
 * default. Source: `apache/flink-docker`, one "Update Dockerfiles for <release> release" commit per patch
 * release (1.16.0–1.16.3, 1.17.0–1.17.2, 1.18.0–1.18.1, 1.19.0–1.19.3, 1.20.0–1.20.4, 2.0.0–2.0.2,
 * 2.1.0–2.1.2, 2.2.0–2.2.1; master 983be34, 2026-05-13), and the last Dockerfiles of each version
 * directory before its removal from master.
 */
export const LATEST_PATCH: { readonly [minor: string]: number } = {
  '1.16': 3,
  '1.17': 2,
  '1.18': 1,
  '1.19': 3,
  '1.20': 4,
  '2.0': 2,
  '2.1': 2,
  '2.2': 1,
};
