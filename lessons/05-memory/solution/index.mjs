// Builds an index of the photos in an album and reports how many there are and their total size.
// The album is simulated: it has `event.photos` photos (default 2,000,000); photo i has i × 3 bytes.
export const handler = async (event) => {
  const count = event.photos ?? 2_000_000;

  // Stream instead of collecting: handle one record at a time and keep only the running totals.
  // (With real data: read pages of a listing, or a stream of a file, instead of loading it all.)
  let photos = 0;
  let totalBytes = 0;
  for (let i = 0; i < count; i++) {
    const record = { id: i, key: `albums/holiday/${i}.jpg`, size: i * 3 };
    photos += 1;
    totalBytes += record.size;
  }
  return { photos, totalBytes };
};
