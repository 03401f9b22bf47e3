/** Chromium's flags: headless, no sandbox (containers, root), and no network of its own. */
export declare const CHROMIUM_ARGS: string[];
