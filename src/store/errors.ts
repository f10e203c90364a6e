// Named storage errors, each with a message a council web editor can act on.

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(cause?: unknown) {
    super('This browser cannot store data for this page (IndexedDB is unavailable, for example in a private window). Open the page in a normal browser window.', { cause });
  }
}

export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
  constructor(readonly databaseName: string) {
    super(`The action plan could not be opened because another tab has an older version of it open. Close the other tabs showing the action plan, then reload this page.`);
  }
}

export class ReloadNeededError extends Error {
  override name = 'ReloadNeededError';
  constructor(readonly databaseName: string) {
    super('A newer version of the action plan was opened in another tab. Reload this page to carry on.');
  }
}

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super('Your change was not saved because this device has run out of storage space for the page. Free some space (or clear other sites\' data), then try again.', { cause });
  }
}

export class DataClearedError extends Error {
  override name = 'DataClearedError';
  constructor(readonly lostChanges = 0) {
    const lost = lostChanges === 1 ? ' 1 change that had not synced was lost.' : lostChanges > 1 ? ` ${lostChanges} changes that had not synced were lost.` : '';
    super(`This browser cleared the action plan stored on this device (to free space, or because site data was cleared). Everything the server has is being loaded again.${lost}`);
  }
}

export class DatabaseClosedError extends Error {
  override name = 'DatabaseClosedError';
  constructor() {
    super('The action plan store is closed. Reload the page.');
  }
}

export class WriteUnavailableError extends Error {
  override name = 'WriteUnavailableError';
  constructor(cause?: unknown) {
    super('Your change was not saved because this page could not fetch the code that saves changes. Check your connection, then try again.', { cause });
  }
}

/** Maps a raw IndexedDB failure to one of our named errors where we have one. */
export function storageError(error: unknown): unknown {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return new StorageFullError(error);
  return error;
}
