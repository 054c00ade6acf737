// Where a text's sidecar lives: `story.txt` -> `story.txt.tags.yaml`, beside it.

export const SIDECAR_SUFFIX = '.tags.yaml';

/** The sidecar path for a text path (POSIX or Windows separators, or a URI path). */
export function sidecarPathFor(textPath: string): string {
  return textPath + SIDECAR_SUFFIX;
}

/** True when a path names a sidecar. */
export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX) && path.length > SIDECAR_SUFFIX.length;
}

/** The text path a sidecar belongs to, or undefined for a path that is not a sidecar. */
export function textPathFor(sidecarPath: string): string | undefined {
  return isSidecarPath(sidecarPath) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/** The base name of a path, as written in the sidecar's `text.file`. */
export function baseName(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(at + 1);
}
