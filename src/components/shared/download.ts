// Saves text or a file's bytes through a temporary link: the one way that works offline in every browser.
export function downloadFile(filename: string, type: string, body: BlobPart): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  Object.assign(document.createElement('a'), { href: url, download: filename.replace(/[^\w.-]+/g, '-') }).click();
  // Long enough for a slow browser to start reading the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
