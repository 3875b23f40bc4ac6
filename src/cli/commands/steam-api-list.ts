/**
 * @module cli/commands/steam-api-list
 * `gamestash steam api --list [--interface NAME]`: the methods Steam lists for your key
 * (GetSupportedAPIList, kept in the data directory for a day; `--refresh` fetches it again).
 */
import {
  selectInterface,
  type SupportedApiInterface,
  type SupportedApiMethod,
} from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withWebApi } from './steam-webapi-common.js';

export interface SteamApiListOptions {
  interface?: string;
  refresh?: boolean;
  json?: boolean;
  apiUrl?: string;
}

export async function steamApiList(options: SteamApiListOptions): Promise<void> {
  await withWebApi(options, async (client) => {
    const list = selectInterface(
      await client.supportedApi({ refresh: options.refresh ?? false }),
      options.interface,
    );
    if (options.json) return writeJson(list);
    const rows = list.interfaces.flatMap((i) => i.methods.map((method) => ({ iface: i, method })));
    writeLine(rows.length === 0 ? 'no methods' : renderTable(rows, COLUMNS));
  });
}

type Row = { iface: SupportedApiInterface; method: SupportedApiMethod };

/** The key travels apart from the parameters (STEAM_API_KEY): it is not one to give. */
const HIDDEN = new Set(['key', 'access_token']);

const COLUMNS: Column<Row>[] = [
  { header: 'interface', value: (r) => r.iface.name },
  { header: 'method', value: (r) => r.method.name },
  { header: 'version', value: (r) => `v${r.method.version}` },
  { header: 'http', value: (r) => r.method.httpmethod },
  {
    header: 'parameters ([optional])',
    value: (r) =>
      r.method.parameters
        .filter((p) => !HIDDEN.has(p.name))
        .map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(' '),
  },
];
