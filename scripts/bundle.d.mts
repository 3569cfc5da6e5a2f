export function bundle(addonSha256?: string): Promise<void>;
