/**
 * @module cli/commands/steam-confirmations-common
 * `gamestash steam confirmations accept|cancel`: by ids, every one waiting (`--all`), or the
 * confirmations of trade offers (`--offer`, repeatable); one library call, then the output.
 */
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { ConfirmationResult } from '../../steam/guard/index.js';
import { renderTable } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { CONFIRMATION_COLUMNS } from './steam-confirmations-list.js';
import { withConfirmations, type SteamGuardCommandOptions } from './steam-guard-common.js';

export interface SteamConfirmationsActOptions extends SteamGuardCommandOptions {
  all?: boolean;
  offer?: string[];
}

export async function steamConfirmationsAct(
  action: 'accept' | 'cancel',
  ids: string[],
  options: SteamConfirmationsActOptions,
): Promise<void> {
  const ways = [ids.length > 0, Boolean(options.all), (options.offer ?? []).length > 0].filter(
    Boolean,
  ).length;
  if (ways !== 1) {
    throw new InvalidInputError(
      `which confirmations? give ids, --all, or --offer OFFERID (one of them)`,
      'confirmations',
    );
  }
  for (const id of ids) {
    if (!/^\d{1,20}$/.test(id))
      throw new InvalidInputError(`a confirmation id is a number, got "${id}"`, 'id');
  }
  await withConfirmations(options, async (client) => {
    let result: ConfirmationResult;
    if (options.offer && options.offer.length > 0) {
      const listed = await client.list();
      const found = options.offer.map((offerId) => {
        const conf = listed.find((c) => c.offerId === offerId);
        if (conf) return conf;
        throw new NotFoundError(
          `no mobile confirmation waits for offer ${offerId}: it needs none, or it was confirmed or cancelled already`,
          { service: 'steam-community', code: 'no_confirmation' },
        );
      });
      result = action === 'accept' ? await client.accept(found) : await client.cancel(found);
    } else if (options.all) {
      const all = await client.list();
      if (all.length === 0) {
        if (options.json) writeJson({ action, confirmations: [], acknowledged: false, reconciled: false });
        else writeLine('nothing waits for a confirmation');
        return;
      }
      result = action === 'accept' ? await client.accept(all) : await client.cancel(all);
    } else {
      result = action === 'accept' ? await client.accept(ids) : await client.cancel(ids);
    }
    if (options.json) {
      writeJson(result);
      return;
    }
    const verb = action === 'accept' ? 'accepted' : 'cancelled';
    const notes = [
      result.acknowledged ? 'trade protection acknowledged first' : '',
      result.reconciled ? 'an answer was lost; the list showed them done' : '',
    ].filter(Boolean);
    writeLine(
      `${verb} ${result.confirmations.length} confirmation${result.confirmations.length === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    );
    writeLine(renderTable(result.confirmations, CONFIRMATION_COLUMNS));
  });
}
