// Builds an index of the photos in an album and reports how many there are and their total size.
// The album is simulated: it has `event.photos` photos (default 2,000,000); photo i has i × 3 bytes.
export const handler = async (event) => {
  const count = event.photos ?? 2_000_000;

  // Every record of the album is kept in memory at once …
  const records = [];
  for (let i = 0; i < count; i++) {
    records.push({ id: i, key: `albums/holiday/${i}.jpg`, size: i * 3 });
  }

  // … only to add up two numbers.
  const totalBytes = records.reduce((sum, record) => sum + record.size, 0);
  return { photos: records.length, totalBytes };
};
