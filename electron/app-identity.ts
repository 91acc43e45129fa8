// The app's names, shared by main and the packaging configuration's test.

export const PRODUCT_NAME = 'Lambda Lab';
/** Reverse-DNS id: macOS bundle id, Windows AppUserModelID. Must equal `appId` in electron-builder.yml (a test checks). */
export const APP_ID = 'com.lambdalab.desktop';
