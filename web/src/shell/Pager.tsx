import type { Page } from '../api';

/**
 * Where a paged list stands ("51–100 of 312 patients") with the previous and next pages, for the lists a person
 * browses a page at a time from the server.
 */
export function Pager({ page, noun, label, onPage }: { page: Page<unknown>; noun: string; label: string; onPage: (page: number) => void }) {
  if (page.totalPages <= 1 && page.page === 0) return null; // one page: everything is on screen
  const first = page.page * page.size + 1;
  const last = page.page * page.size + page.items.length;
  // a page past the end (items removed meanwhile) says so; Previous leads back to the last page
  const range = page.items.length === 0 ? 'None' : `${first}–${last}`;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={page.page === 0} onClick={() => onPage(Math.max(0, Math.min(page.page - 1, page.totalPages - 1)))}>
        <span aria-hidden="true">← </span>Previous page
      </button>
      <span aria-live="polite">
        {range} of {page.totalItems} {noun}
      </span>
      <button type="button" disabled={page.page + 1 >= page.totalPages} onClick={() => onPage(page.page + 1)}>
        Next page<span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
