// Wires the page: session → topology → panels → live subscription. Every hub message names its scope;
// messages for any other scope (the one just left) are dropped, so a scope change never mixes two areas.
import { decode, establish, restart, signOut, storedToken } from './auth.js';
import { getJson } from './api.js';
import { createBoards } from './boards.js';
import { createFeed } from './feed.js';
import { createHeader } from './header.js';
import { createKpis } from './kpis.js';
import { createLive } from './live.js';
import { showLogin } from './login.js';
import { createMap } from './map.js';
import { createModeBanner, effectiveMode } from './mode.js';
import { createScopePicker, rootScope } from './scope.js';
import { indexTopology, placeOf, sameScope } from './topology.js';
import { createTrend } from './trend.js';

const $ = (id) => document.getElementById(id);

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  location.replace(location.pathname);
});

async function start() {
  let session;
  try {
    session = await establish();
  } catch (failure) {
    createHeader(null).error(`登录失败 Sign-in failed: ${failure.message}`);
  }
  if (!session) {
    showLogin($('login'), () => dashboard(decode(storedToken())));
    return;
  }
  await dashboard(session.claims);
}

async function dashboard(claims) {
  const header = createHeader(claims);
  $('sign-out').hidden = false;
  const index = indexTopology(await getJson('/api/topology'));
  header.county(index.city.name, index.city.nameEn);

  const root = rootScope(index, claims);
  if (root === null) {
    header.error(`此令牌无大屏权限 The dashboard serves city, township and village tokens, not "${claims?.role}".`);
    return;
  }
  $('dashboard').hidden = false;
  header.live();

  let scope = root;
  const kpis = createKpis($('kpis'));
  const trend = createTrend($('trend'));
  const feed = createFeed($('feed'), $('feed-more'), index);
  const boards = createBoards($('boards'));
  const mode = createModeBanner($('mode'));
  const map = createMap($('map'), index, { onPick: (id) => picker.pick(id) });
  const ours = (message) => sameScope(index, message?.scope, scope);

  const scopeLabel = (id, fallback) => {
    const place = placeOf(index, id);
    const levels = { city: '全市 County', township: '镇街 Township', village: '村社区 Village', grid: '网格 Grid' };
    return place ? `${levels[place.level]} · ${place.name}` : fallback ?? id;
  };

  const live = createLive({
    accessToken: () => storedToken() ?? (restart(), ''),
    onUnauthorized: restart,
    onStatus: header.status,
    onError: header.error,
    handlers: {
      snapshot(s) {
        if (!ours(s)) return;
        header.scope(scopeLabel(scope, s.name));
        header.asOf(s.asOf);
        mode.show(s.mode);
        kpis.update(s.kpi);
        trend.update(s.trend);
        map.update(s.grids);
        feed.reset(s.feed);
        boards.update(s.boards);
      },
      kpi(m) {
        if (!ours(m)) return;
        header.asOf(m.asOf);
        kpis.update(m.kpi);
        if (m.trend) trend.update(m.trend);
      },
      grid(m) {
        if (ours(m)) map.update(m.grids);
      },
      event(m) {
        if (ours(m)) feed.apply(m.cases, m.more);
      },
      mode(m) {
        // The township marks on the map are county-wide, whichever scope the message was sent for.
        map.markEmergencies(m.modes?.townships);
        if (ours(m)) mode.show(m.mode ?? effectiveMode(index, scope, m.modes));
      },
      boards(m) {
        if (ours(m)) boards.update(m);
      },
    },
  });

  // A new scope clears the panels until its snapshot arrives, so old numbers never pose as the new area's.
  const switchTo = (next) => {
    scope = next;
    header.scope(scopeLabel(next));
    map.setScope(next);
    kpis.update(null);
    trend.update([]);
    feed.reset([]);
    boards.update(null);
    return live.setScope(next);
  };
  const picker = createScopePicker($('scope'), index, root, switchTo);

  // The snapshot carries the scope's mode only; the county's switches mark the map until a `mode` message.
  getJson('/api/mode').then((modes) => map.markEmergencies(modes.townships), () => {});

  switchTo(root);
  await live.start().catch((failure) => createHeader(null).error(`大屏启动失败 The dashboard could not start: ${failure.message}`));
}

start().catch((failure) => createHeader(null).error(`大屏启动失败 The dashboard could not start: ${failure.message}`));
