export const PALETTE_MIME = 'application/x-tunnelscope-kind';
