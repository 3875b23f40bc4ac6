/**
 * The benchmarks' item picker: the asset ids of an account's tradable items in one
 * inventory of the emulator, read as its owner (some generated items are not tradable, and an
 * offer giving one is refused).
 */
export async function tradableAssetIds(
  emulatorUrl: string,
  steamid: string,
  appContext: string,
  cookies: string,
): Promise<string[]> {
  const response = await fetch(`${emulatorUrl}/inventory/${steamid}/${appContext}?l=english&count=2000`, {
    headers: { cookie: cookies },
  });
  const page = (await response.json()) as {
    assets: { assetid: string; classid: string; instanceid?: string }[];
    descriptions: { classid: string; instanceid?: string; tradable: number }[];
  };
  const tradable = new Set(
    page.descriptions.filter((d) => d.tradable === 1).map((d) => `${d.classid}_${d.instanceid ?? '0'}`),
  );
  return page.assets.filter((a) => tradable.has(`${a.classid}_${a.instanceid ?? '0'}`)).map((a) => a.assetid);
}
