// Planning a visit: places and events saved like articles, the Saved page in
// groups (events as a plan, past ones marked), the places taken along as GPX
// and KML and the events as one .ics, each read back by an independent
// parser (@tmcw/togeojson, ical.js), the guide's list exported as filtered,
// the "open in a maps app" link, and the saved places and events offline.
import { readFileSync } from 'node:fs';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { apiJson, axe, contentReady, expect, h1, main, newsPage, PINNED_DATE, PINNED_NOW, test } from './fixtures';

// Texts from crates/i18n (en).
const T = {
  save: 'Save for offline',
  remove: 'Saved — remove',
  articles: 'Articles',
  places: 'Places',
  events: 'Events',
  over: 'Over',
  takeAlong: 'Take the places along',
  gpx: 'GPX file (Organic Maps, OsmAnd)',
  kml: 'KML file (Google My Maps)',
  ics: 'Add the events to a calendar (.ics)',
  mapsApp: 'Open in a maps app',
  placesName: 'My places in Belarus',
  eventsName: 'My events in Belarus',
};

type Site = { slug: string; name: string; summary: string; lat: number; lon: number; section: { slug: string; name: string } };
type Event = { slug: string; title: string; starts: string; ends: string; all_day: boolean };

const sitesIndex = (request: Parameters<typeof apiJson>[0]) =>
  apiJson<{ items: Site[] }>(request, 'en/sites/index.json');
const upcoming = (request: Parameters<typeof apiJson>[0]) =>
  apiJson<{ items: Event[] }>(request, 'en/events/upcoming.json');

/** Waits until a service worker controls the page (it claims on first install). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function save(page: Page, path: string) {
  await page.goto(path);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.save }).click();
  await expect(main(page).getByRole('button', { name: T.remove })).toBeVisible();
}

/** A group of the Saved page, by its heading. */
const group = (page: Page, name: string) => main(page).getByRole('region', { name });
const titlesIn = (page: Page, name: string) =>
  group(page, name).getByRole('article').getByRole('heading').getByRole('link');

async function downloaded(page: Page, button: string): Promise<[string, string]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main(page).getByRole('button', { name: button }).click(),
  ]);
  return [download.suggestedFilename(), readFileSync((await download.path())!, 'utf8')];
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;

test('places and events are saved like articles, listed in groups, and open offline', async ({ page, context, request }) => {
  const sites = (await sitesIndex(request)).items;
  const [first, second] = [sites[0], sites[sites.length - 1]];
  const events = (await upcoming(request)).items;
  expect(events.length).toBeGreaterThanOrEqual(2);
  // Saved later first: the page must order events by date, not by saving.
  const [soon, later] = [events[0], events[events.length - 1]];
  const story = (await newsPage(request, 'en')).items[0];

  await page.goto('/en/');
  await contentReady(page);
  await controlled(page);
  await save(page, `/en/sites/${first.slug}`);
  await save(page, `/en/sites/${second.slug}`);
  await save(page, `/en/events/${later.slug}`);
  await save(page, `/en/events/${soon.slug}`);
  await save(page, `/en/news/${story.slug}`);

  await page.goto('/en/saved');
  await contentReady(page);
  await expect(main(page).getByRole('heading', { level: 2 })).toHaveText([T.articles, T.places, T.events]);
  await expect(titlesIn(page, T.articles)).toHaveText([story.title]);
  await expect(titlesIn(page, T.places)).toHaveText([second.name, first.name]);
  await expect(titlesIn(page, T.events)).toHaveText([soon.title, later.title]);
  await expect(group(page, T.events).getByText(T.over)).toHaveCount(0);
  expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The worker kept the documents: offline, with the recent-reads caches
  // gone, the saved place and event still open.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cache = await caches.open('portal-saved-v1');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      }),
    )
    .toEqual(
      expect.arrayContaining([`/api/v1/en/sites/${first.slug}.json`, `/api/v1/en/events/${soon.slug}.json`]),
    );
  await page.evaluate(async () => {
    await caches.delete('portal-api-v1');
    await caches.delete('portal-media-v1');
  });
  await context.setOffline(true);
  await page.goto('/en/saved');
  await titlesIn(page, T.places).filter({ hasText: first.name }).click();
  await expect(h1(page)).toHaveText(first.name);
  const picture = main(page).locator('.gallery img').first();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.goBack();
  await titlesIn(page, T.events).filter({ hasText: soon.title }).click();
  await expect(h1(page)).toHaveText(soon.title);

  // Removing a place offline leaves the rest.
  await page.goto('/en/saved');
  await group(page, T.places).getByRole('button', { name: new RegExp(`^Remove\\W+${first.name}$`) }).click();
  await expect(titlesIn(page, T.places)).toHaveText([second.name]);
});

test('saved events that are over are marked and go after the coming ones', async ({ page, request }) => {
  const events = (await upcoming(request)).items;
  // An event without an end counts as over a day after it starts.
  const ends = (e: Event) => (e.ends === e.starts ? Date.parse(e.starts) + 86_400_000 : Date.parse(e.ends));
  // Two events apart in time: the sooner is over before the later starts.
  const pairs = events.flatMap((a) => events.map((b) => [a, b] as const));
  const found = pairs.find(([a, b]) => ends(a) + 60_000 < Date.parse(b.starts));
  expect(found, 'the sample has two upcoming events apart in time').toBeTruthy();
  const [soon, later] = found!;
  await save(page, `/en/events/${later.slug}`);
  await save(page, `/en/events/${soon.slug}`);
  await page.goto('/en/saved');
  await contentReady(page);
  await expect(titlesIn(page, T.events)).toHaveText([soon.title, later.title]);
  await expect(group(page, T.events).getByText(T.over)).toHaveCount(0);

  // A minute after the sooner one is over.
  const between = ends(soon) + 60_000;
  expect(between).toBeGreaterThan(PINNED_NOW);
  await page.clock.setSystemTime(between);
  await page.reload();
  await contentReady(page);
  await expect(titlesIn(page, T.events)).toHaveText([later.title, soon.title]);
  const past = group(page, T.events).getByRole('article').filter({ hasText: soon.title });
  await expect(past.getByText(T.over)).toBeVisible();
  await expect(group(page, T.events).getByText(T.over)).toHaveCount(1);
});

test('saved places export as GPX and KML, and saved events as one .ics, that other programs read', async ({ page, request }) => {
  const sites = (await sitesIndex(request)).items.slice(0, 3);
  const events = (await upcoming(request)).items.slice(0, 2);
  for (const site of sites) await save(page, `/en/sites/${site.slug}`);
  for (const event of events) await save(page, `/en/events/${event.slug}`);
  await page.goto('/en/saved');
  await contentReady(page);
  const origin = new URL(page.url()).origin;
  const expected = [...sites].reverse();

  const [gpxName, gpxText] = await downloaded(page, T.gpx);
  expect(gpxName).toBe('portal-saved-places.gpx');
  await expect(group(page, T.places).getByRole('status')).toHaveText(`${gpxName} is downloading.`);
  const fromGpx = gpx(xml(gpxText));
  expect(fromGpx.features.map((f) => f.properties?.name)).toEqual(expected.map((s) => s.name));
  fromGpx.features.forEach((feature, i) => {
    const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates;
    expect(lat).toBeCloseTo(expected[i].lat, 5);
    expect(lon).toBeCloseTo(expected[i].lon, 5);
    expect(feature.properties?.links?.[0]?.href).toBe(`${origin}/en/sites/${expected[i].slug}`);
    expect(feature.properties?.desc).toBe(expected[i].summary);
  });

  const [kmlName, kmlText] = await downloaded(page, T.kml);
  expect(kmlName).toBe('portal-saved-places.kml');
  const fromKml = kml(xml(kmlText));
  expect(fromKml.features.map((f) => f.properties?.name)).toEqual(expected.map((s) => s.name));
  fromKml.features.forEach((feature, i) => {
    const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates;
    expect(lat).toBeCloseTo(expected[i].lat, 5);
    expect(lon).toBeCloseTo(expected[i].lon, 5);
    expect(feature.properties?.url).toBe(`${origin}/en/sites/${expected[i].slug}`);
  });
  expect(kmlText).toContain(`<name>${T.placesName}</name>`);

  const [icsName, icsText] = await downloaded(page, T.ics);
  expect(icsName).toBe('portal-saved-events.ics');
  const calendar = new ICAL.Component(ICAL.parse(icsText));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(T.eventsName);
  const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
  const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(vevents.map((e) => e.uid).sort()).toEqual(events.map((e) => `${e.slug}@events.portal`).sort());
  for (const event of events) {
    const found = vevents.find((e) => e.uid === `${event.slug}@events.portal`)!;
    expect(found.summary).toBe(event.title);
    if (event.all_day) {
      expect(found.startDate.isDate).toBe(true);
      expect(found.startDate.toString()).toBe(event.starts.slice(0, 10));
    } else {
      found.startDate.zone = zone;
      expect(found.startDate.toUnixTime()).toBe(Date.parse(event.starts) / 1000);
    }
    expect(found.component.getFirstPropertyValue('url')).toBe(`${origin}/en/events/${event.slug}`);
  }
});

test("the guide's list exports the places it shows, named after its filter", async ({ page, request }) => {
  const all = (await sitesIndex(request)).items;
  const section = all[0].section;
  const listed = all.filter((s) => s.section.slug === section.slug);
  await page.goto(`/en/sites?category=${section.slug}`);
  await contentReady(page);
  await expect(main(page).getByRole('group', { name: T.takeAlong })).toBeVisible();
  const [name, text] = await downloaded(page, T.kml);
  expect(name).toBe(`portal-guide-${section.slug}.kml`);
  const features = kml(xml(text)).features;
  expect(features.map((f) => f.properties?.name).sort()).toEqual(listed.map((s) => s.name).sort());
  expect(text).toContain(`<name>Belarus travel guide — ${section.name}</name>`);
});

test('a site and an event offer their place to a maps app', async ({ page, request }) => {
  const site = (await sitesIndex(request)).items[0];
  await page.goto(`/en/sites/${site.slug}`);
  await contentReady(page);
  const geo = main(page).getByRole('link', { name: T.mapsApp });
  const href = (await geo.getAttribute('href'))!;
  const match = /^geo:(-?[\d.]+),(-?[\d.]+)\?q=(-?[\d.]+),(-?[\d.]+)\((.+)\)$/.exec(href);
  expect(match).not.toBeNull();
  expect(Number(match![1])).toBeCloseTo(site.lat, 5);
  expect(Number(match![2])).toBeCloseTo(site.lon, 5);
  expect(decodeURIComponent(match![5])).toBe(site.name);

  const event = (await upcoming(request)).items[0];
  await page.goto(`/en/events/${event.slug}`);
  await contentReady(page);
  await expect(main(page).getByRole('link', { name: T.mapsApp })).toHaveAttribute('href', /^geo:/);
});

type SiteWithAccess = Site & { access?: string[] };

test('the guide filters by accessibility features, and a site page says yes, no or not known in words', async ({ page, request }) => {
  const all = (await apiJson<{ items: SiteWithAccess[] }>(request, 'en/sites/index.json')).items;
  const stepFree = all.filter((s) => s.access?.includes('step-free-entrance'));
  expect(stepFree.length).toBeGreaterThan(0);
  expect(stepFree.length).toBeLessThan(all.length);

  await page.goto('/en/sites');
  await contentReady(page);
  const filter = main(page).getByRole('navigation', { name: 'Accessibility' });
  await filter.getByRole('link', { name: 'Step-free entrance' }).click();
  await expect(page).toHaveURL(/\/en\/sites\?access=step-free-entrance$/);
  const names = main(page).locator('.sites__list').getByRole('article').getByRole('heading');
  await expect(names).toHaveText(stepFree.map((s) => s.name));
  await expect(filter.getByRole('link', { name: 'Step-free entrance' })).toHaveAttribute('aria-current', 'true');
  expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);
  // A second feature narrows further (all must be there); pressing again takes it away.
  await filter.getByRole('link', { name: 'Accessible toilet' }).click();
  await expect(page).toHaveURL(/access=step-free-entrance,accessible-toilet$/);
  const both = all.filter((s) => s.access?.includes('step-free-entrance') && s.access?.includes('accessible-toilet'));
  await expect(names).toHaveText(both.map((s) => s.name));
  await filter.getByRole('link', { name: 'Accessible toilet' }).click();
  await expect(names).toHaveText(stepFree.map((s) => s.name));

  // An unknown feature is dropped with the usual notice.
  await page.goto('/en/sites?access=lift');
  await contentReady(page);
  await expect(main(page).getByRole('status').first()).toHaveText(
    'The address had a filter we could not use, so the list is shown without it.',
  );

  const site = await apiJson<{ name: string; access?: Record<string, unknown> & { note?: string } }>(
    request,
    `en/sites/${stepFree[0].slug}.json`,
  );
  await page.goto(`/en/sites/${stepFree[0].slug}`);
  await contentReady(page);
  const facts = main(page).getByRole('region', { name: 'Accessibility' });
  const value = (name: string) => facts.getByRole('term').filter({ hasText: name }).locator('xpath=following-sibling::dd');
  await expect(value('Step-free entrance')).toHaveText('Yes');
  const word = (v: unknown) => (v === true ? 'Yes' : v === false ? 'No' : 'Not known');
  await expect(value('Accessible toilet')).toHaveText(word(site.access?.accessible_toilet));
  await expect(value('Parking for disabled visitors')).toHaveText(word(site.access?.disabled_parking));
  if (site.access?.note) await expect(facts.getByText(site.access.note)).toBeVisible();

  const unknown = all.find((s) => !s.access)!;
  await page.goto(`/en/sites/${unknown.slug}`);
  await contentReady(page);
  await expect(main(page).getByRole('region', { name: 'Accessibility' })).toContainText(
    'We have no accessibility information for this place yet.',
  );
});

/** Great-circle km, as crates/geo computes it. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
const nearestNames = (sites: Site[], from: { lat: number; lon: number }) =>
  [...sites].sort((a, b) => km(from, a) - km(from, b)).map((s) => s.name);

/** Counts the page's calls to the geolocation API. */
async function countGeolocation(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { geoCalls: number };
    w.geoCalls = 0;
    const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...args: Parameters<typeof original>) => {
      w.geoCalls += 1;
      return original(...args);
    };
  });
}
const geoCalls = (page: Page) => page.evaluate(() => (window as unknown as { geoCalls: number }).geoCalls);

test('near me sorts the guide by distance from the reader, only when asked, and keeps the position out of the URL', async ({ page, context, request }) => {
  const sites = (await sitesIndex(request)).items;
  const minsk = { lat: 53.9023, lon: 27.5619 };
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: minsk.lat, longitude: minsk.lon });
  await countGeolocation(page);

  await page.goto('/en/sites');
  await contentReady(page);
  expect(await geoCalls(page)).toBe(0);
  const cards = main(page).locator('.sites__list').getByRole('article');
  await main(page).getByRole('button', { name: 'Sort by distance from me' }).press('Enter');
  await expect(main(page).getByRole('status').filter({ hasText: 'Sorted by distance from where you are' })).toBeVisible();
  // The list was drawn again: focus is on what it now says, not lost.
  await expect(main(page).locator('.near-me__status')).toBeFocused();
  expect(await geoCalls(page)).toBe(1);
  await expect(page).toHaveURL(/\/en\/sites$/);
  const expected = nearestNames(sites, minsk);
  await expect(cards.getByRole('heading')).toHaveText(expected);
  const first = sites.find((s) => s.name === expected[0])!;
  await expect(cards.first()).toContainText(`${km(minsk, first).toFixed(1)} km away`);
  await expect(main(page).getByRole('img', { name: 'You are here' })).toBeVisible();
  expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);

  // A section filter keeps the order; "stop" brings the guide's own order back.
  const section = sites[0].section;
  await main(page)
    .getByRole('navigation', { name: 'Sections of the guide' })
    .first()
    .getByRole('link', { name: section.name, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`category=${section.slug}`));
  await expect(cards.getByRole('heading')).toHaveText(nearestNames(sites.filter((s) => s.section.slug === section.slug), minsk));
  await main(page).getByRole('link', { name: 'Stop sorting by distance' }).click();
  await expect(cards.getByRole('heading')).toHaveText(sites.filter((s) => s.section.slug === section.slug).map((s) => s.name));
  await expect(main(page).getByRole('img', { name: 'You are here' })).toHaveCount(0);
});

test('a reader who does not share their position picks a town; the town is in the URL and nothing is asked on load', async ({ page, request }) => {
  const sites = (await sitesIndex(request)).items;
  const grodno = { lat: 53.6694, lon: 23.8131 };
  await countGeolocation(page);
  await page.goto('/en/sites');
  await contentReady(page);
  // No permission granted: the browser refuses.
  await main(page).getByRole('button', { name: 'Sort by distance from me' }).click();
  await expect(main(page).getByRole('status').filter({ hasText: 'You did not share your position. Pick a town instead.' })).toBeVisible();

  await main(page).getByLabel('Or from a town').selectOption({ label: 'Grodno' });
  await main(page).getByRole('button', { name: 'Sort', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/sites\?near=grodno$/);
  const cards = main(page).locator('.sites__list').getByRole('article');
  await expect(cards.getByRole('heading')).toHaveText(nearestNames(sites, grodno));
  await expect(main(page).getByRole('img', { name: 'Grodno' })).toBeVisible();

  await page.reload();
  await contentReady(page);
  await expect(main(page).getByRole('status').filter({ hasText: 'Sorted by distance from Grodno.' })).toBeVisible();
  await expect(cards.getByRole('heading')).toHaveText(nearestNames(sites, grodno));
  expect(await geoCalls(page)).toBe(0);
  await expect(main(page).getByLabel('Or from a town')).toHaveValue('grodno');

  // In Belarusian, the same town by its own name; an unknown town is dropped.
  await page.goto('/be/sites?near=grodno');
  await contentReady(page);
  await expect(main(page).getByRole('status').filter({ hasText: 'Адсартавана па адлегласці ад горада Гродна.' })).toBeVisible();
  await page.goto('/en/sites?near=atlantis');
  await contentReady(page);
  await expect(main(page).getByRole('status').first()).toHaveText(
    'The address had a filter we could not use, so the list is shown without it.',
  );
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a visitor finds what is open near them this weekend, saves three places and two events, takes them along and sees them offline', async ({ page, context }) => {
    const minsk = { lat: 53.9023, lon: 27.5619 };
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: minsk.lat, longitude: minsk.lon });
    await page.goto('/en/');
    await contentReady(page);
    await controlled(page);

    // The coming Saturday (the pinned day itself when it is one).
    const pinned = new Date(`${PINNED_DATE}T12:00:00Z`);
    const saturday = new Date(pinned.getTime() + ((6 - pinned.getUTCDay() + 7) % 7) * 86_400_000)
      .toISOString()
      .slice(0, 10);

    // Places open on Saturday, nearest first.
    await page.goto('/en/sites');
    await contentReady(page);
    await main(page).getByLabel('Open on').fill(saturday);
    await main(page).getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(`/en/sites?open=${saturday}`);
    await main(page).getByRole('button', { name: 'Sort by distance from me' }).click();
    await expect(main(page).getByRole('status').filter({ hasText: 'Sorted by distance from where you are' })).toBeVisible();
    const cardLinks = main(page).locator('.sites__list').getByRole('article').getByRole('heading').getByRole('link');
    const places = (await cardLinks.allTextContents()).slice(0, 3);
    expect(places).toHaveLength(3);
    for (const name of places) {
      await cardLinks.filter({ hasText: name }).first().click();
      await expect(h1(page)).toHaveText(name);
      await main(page).getByRole('button', { name: T.save }).click();
      await expect(main(page).getByRole('button', { name: T.remove })).toBeVisible();
      await page.goBack();
      // Back on the list: still filtered and still nearest first.
      await expect(page).toHaveURL(`/en/sites?open=${saturday}`);
      await expect(cardLinks.first()).toHaveText(places[0]);
    }

    // Events this weekend, as a list.
    await page.goto('/en/events');
    await contentReady(page);
    await main(page).getByRole('navigation', { name: 'When' }).getByRole('link', { name: 'This weekend' }).click();
    await expect(page).toHaveURL(/when=weekend/);
    await main(page).getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'List' }).click();
    await expect(page).toHaveURL(/view=list/);
    const eventLinks = main(page).locator('.event-row__link');
    await expect(eventLinks.first()).toBeVisible();
    const events = [...new Set(await eventLinks.allTextContents())].slice(0, 2);
    expect(events).toHaveLength(2);
    for (const title of events) {
      await eventLinks.filter({ hasText: title }).first().click();
      await expect(h1(page)).toHaveText(title);
      await main(page).getByRole('button', { name: T.save }).click();
      await expect(main(page).getByRole('button', { name: T.remove })).toBeVisible();
      await page.goBack();
      await expect(page).toHaveURL(/when=weekend/);
    }

    // Take them along.
    await page.goto('/en/saved');
    await contentReady(page);
    await expect(titlesIn(page, T.places)).toHaveText([...places].reverse());
    await expect(titlesIn(page, T.events)).toHaveCount(2);
    const [, gpxText] = await downloaded(page, T.gpx);
    expect(gpx(xml(gpxText)).features.map((f) => f.properties?.name)).toEqual([...places].reverse());
    const [, icsText] = await downloaded(page, T.ics);
    const summaries = new ICAL.Component(ICAL.parse(icsText))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).summary);
    expect(summaries.sort()).toEqual([...events].sort());

    // And the list on the road, offline.
    await page.evaluate(async () => {
      await caches.delete('portal-api-v1');
      await caches.delete('portal-media-v1');
    });
    await context.setOffline(true);
    await page.goto('/en/saved');
    await expect(titlesIn(page, T.places)).toHaveCount(3);
    await expect(titlesIn(page, T.events)).toHaveCount(2);
    await titlesIn(page, T.places).first().click();
    await expect(h1(page)).toHaveText(places[2]);
  });
});
