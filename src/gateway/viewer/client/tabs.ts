/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/tabs
 * The Steam / Roblox tabs as an ARIA tablist: one tab stop, Left/Right/Home/End move between
 * tabs and select them, each tab shows its own panel.
 */

export function tablist(list: HTMLElement, select: (id: string) => void): (id: string) => void {
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const show = (id: string) => {
    for (const tab of tabs) {
      const selected = tab.dataset.tab === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
  };
  list.addEventListener('click', (event) => {
    const tab = (event.target as Element).closest<HTMLElement>('[role="tab"]');
    if (tab?.dataset.tab) select(tab.dataset.tab);
  });
  list.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const tab = tabs[next]!;
    tab.focus();
    if (tab.dataset.tab) select(tab.dataset.tab);
  });
  return show;
}
