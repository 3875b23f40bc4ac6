/**
 * @module cli/commands/steam-history-run
 * `gamestash steam history <who>`: the snapshots stored for an inventory, newest first, with
 * their value over time, and what changed between two of them (`--from ID --to ID`, or the
 * two newest): items added, removed, changed in amount, moved into trade protection.
 */
import { InvalidInputError } from '../../core/errors.js';
import { resolveOptionsFromConfig, resolveSteamId } from '../../steam/ids/resolve.js';
import { requireCurrency } from '../../steam/market/currencies.js';
import { requireSourceId } from '../../steam/market/price-source.js';
import { formatMoney } from '../../steam/market/price-text.js';
import type { DiffByName } from '../../steam/snapshots/diff.js';
import { diffSnapshots, latestDiff, listHistory, type HistoryPoint } from '../../steam/snapshots/history.js';
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { printWarnings, withMarket, type MarketFlags } from './market-context.js';

export interface SteamHistoryOptions extends MarketFlags {
  app: string;
  context: string;
  currency: string;
  source: string;
  /** `--no-value` turns valuing off. */
  value: boolean;
  from?: string;
  to?: string;
  json?: boolean;
  limit?: number;
}

export async function steamHistory(who: string, options: SteamHistoryOptions): Promise<void> {
  const currency = requireCurrency(options.currency);
  const source = requireSourceId(options.source);
  if ((options.from === undefined) !== (options.to === undefined)) {
    throw new InvalidInputError(
      'give both --from and --to (snapshot ids), or neither for the two newest',
      'from',
    );
  }
  const ids = (text: string, flag: string) =>
    text.split(',').map((part) => {
      if (!/^\d{1,12}$/.test(part.trim()))
        throw new InvalidInputError(`${flag} takes snapshot ids (e.g. 12 or 12,13), got "${text}"`, flag);
      return Number(part);
    });
  const fromIds = options.from === undefined ? undefined : ids(options.from, '--from');
  const toIds = options.to === undefined ? undefined : ids(options.to, '--to');
  await withMarket(options, async ({ config, http, prices, snapshots, warnings }) => {
    const appid = Number(options.app);
    if (options.value) prices.source(source).check(appid, currency, { names: 0 });
    const { steamid64 } = await resolveSteamId(who, resolveOptionsFromConfig(config, http));
    const owner = { steamid: steamid64, appid, contextid: options.context };
    const points = await listHistory(snapshots, {
      ...owner,
      limit: options.limit ?? 100,
      value: options.value ? { prices, source, currency } : undefined,
    });
    const diff =
      fromIds && toIds ? await diffSnapshots(snapshots, fromIds, toIds) : await latestDiff(snapshots, owner);
    const strangers = [...(diff?.from ?? []), ...(diff?.to ?? [])].filter(
      (s) => s.steamid !== steamid64 || s.appid !== appid,
    );
    if (strangers.length > 0) {
      throw new InvalidInputError(
        `snapshot ${strangers[0]!.id} is not of ${steamid64}'s app ${appid} inventory`,
        'from',
      );
    }
    printWarnings(warnings);
    if (options.json)
      return writeJson({
        steamid: steamid64,
        appid,
        contextid: options.context,
        snapshots: points,
        diff: diff ?? null,
      });
    if (points.length === 0) {
      return writeLine(
        `no snapshots of ${steamid64} ${appid}/${options.context}: take one with \`gamestash steam inventory ${steamid64} --app ${appid} --context ${options.context} --snapshot\``,
      );
    }
    const money = (p: HistoryPoint) =>
      p.value ? `${formatMoney(p.value.total, currency)}${p.value.atSnapshotTime ? '' : ' *'}` : '';
    const out = [
      renderTable(points, [
        { header: 'id', value: (p) => p.id, align: 'right' },
        { header: 'taken', value: (p) => new Date(p.takenAt).toISOString().replace('T', ' ').slice(0, 19) },
        { header: 'context', value: (p) => p.contextid },
        { header: 'items', value: (p) => p.itemCount, align: 'right' },
        ...(options.value
          ? [{ header: `value (${source}, ${currency.code})`, value: money, align: 'right' as const }]
          : []),
      ]),
    ];
    if (options.value && points.some((p) => p.value && !p.value.atSnapshotTime))
      out.push('* at today’s prices (none were recorded when it was taken)');
    if (diff) {
      const d = diff.diff;
      out.push(
        `\nfrom ${diff.from.map((s) => `#${s.id}`).join('+')} to ${diff.to.map((s) => `#${s.id}`).join('+')}: ` +
          `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed amount, ` +
          `${d.protected.length} moved into trade protection, ${d.released.length} back from it, ${d.unchanged} unchanged`,
      );
      const rows = d.byName.slice(0, 30);
      if (rows.length) out.push(renderTable(rows, BY_NAME));
      if (d.byName.length > rows.length)
        out.push(`... ${d.byName.length - rows.length} more names (--json for all)`);
    }
    writeLine(out.join('\n'));
  });
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

const BY_NAME = [
  { header: 'name', value: (r: DiffByName) => r.name || r.marketHashName },
  { header: 'added', value: (r: DiffByName) => r.added || '', align: 'right' as const },
  { header: 'removed', value: (r: DiffByName) => r.removed || '', align: 'right' as const },
  { header: 'protected', value: (r: DiffByName) => r.protected || '', align: 'right' as const },
  { header: 'net', value: (r: DiffByName) => signed(r.net), align: 'right' as const },
];
