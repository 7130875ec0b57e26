// For the tests' fake fetches: a list answered a page at a time the way the services page (platform's Paging).

/** The page of `items` that `url` asks for (page from 0, size 50 by default); a size over 200 is refused as by the services. */
export function pageOf<T>(items: T[], url: string) {
  const params = new URL(url, 'http://console.test').searchParams;
  const page = Number(params.get('page') ?? 0);
  const size = Number(params.get('size') ?? 50);
  if (size < 1 || size > 200) throw new Error(`size ${size}: the services answer 400 (size must be between 1 and 200)`);
  return { items: items.slice(page * size, (page + 1) * size), page, size, totalItems: items.length, totalPages: Math.ceil(items.length / size) };
}

/** `n` patients named Patient001 Family001 … in the services' order (by family name). */
export function manyPatients(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(3, '0');
    return { id: `p${k}`, givenName: `Given${k}`, familyName: `Family${k}`, birthDate: '1940-01-01', status: 'ACTIVE' };
  });
}
