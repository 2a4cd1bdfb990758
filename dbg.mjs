import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
p.on('console', m => console.log('console', m.type(), m.text().slice(0, 200)));
const wc = JSON.parse(await (await fetch('http://127.0.0.1:4390/wasm-chunks.json')).text());
const news = wc.groups.news.find(f => f.includes('-split-news-'));
await p.route('**' + news, r => r.abort('internetdisconnected'));
await p.addInitScript(() => {
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.removedNodes) if (n.id === 'prerendered') {
      const app = document.getElementById('app');
      console.log('SWAP main=' + (app?.querySelector('main')?.innerHTML.slice(0, 300)));
    }
  }).observe(document, { childList: true, subtree: true });
});
await p.goto('http://127.0.0.1:4390/en/news');
for (let i = 0; i < 12; i++) {
  const s = await p.evaluate(() => [!!document.getElementById('prerendered'), !!document.querySelector('#app main .error-view'), document.getElementById('app')?.isConnected]);
  console.log(i * 250, JSON.stringify(s));
  await p.waitForTimeout(250);
}
await b.close();
