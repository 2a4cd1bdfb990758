/*
 * Belarus Portal widgets for partner sites. Paste, anywhere in a page:
 *
 *   <a class="portal-widget" data-widget="news" data-limit="5" data-lang="en"
 *      href="https://PORTAL/en/news">Latest news from Belarus Portal</a>
 *   <script async src="https://PORTAL/embed.js"></script>
 *
 * Without JavaScript the link stays a link. With it, each such link is
 * replaced, as it nears the viewport, by an iframe of /embed/{widget} on the
 * portal's origin (the origin this script was loaded from), sized to its
 * content from the frame's height messages. Widgets added later:
 * `PortalWidgets.process()` (or `process(element)` for one part of the page).
 * Including the script twice is harmless. No dependencies.
 */
(function () {
  'use strict';
  if (window.PortalWidgets && typeof window.PortalWidgets.process === 'function') {
    window.PortalWidgets.process();
    return;
  }

  var script = document.currentScript;
  var src = script && script.src;
  if (!src) {
    var found = document.querySelector('script[src$="/embed.js"]');
    src = found && found.src;
  }
  if (!src) return;
  var PORTAL = new URL(src, location.href).origin;
  var WIDGETS = { news: true, events: true, site: true };
  var OPTIONS = ['lang', 'limit', 'category', 'region', 'slug', 'theme'];
  var HEIGHT_MESSAGE = 'portal-widget:height';
  var MAX_HEIGHT = 4000;
  // Where a frame starts before it reports its height.
  var FIRST_HEIGHT = 160;
  var frames = {};
  var counter = 0;

  function frameUrl(link, widget, id) {
    var url = new URL('/embed/' + widget, PORTAL);
    OPTIONS.forEach(function (name) {
      var value = link.getAttribute('data-' + name);
      if (value) url.searchParams.set(name, value);
    });
    url.searchParams.set('id', id);
    // The frame posts its height to this origin only.
    url.searchParams.set('origin', location.origin);
    return url.href;
  }

  // The frame's colours must match the iframe element's color-scheme, or the
  // browser paints it an opaque background.
  function colorScheme(theme) {
    return theme === 'light' || theme === 'dark' ? theme : 'light dark';
  }

  function upgrade(link) {
    if (!link.parentNode) return;
    var widget = link.getAttribute('data-widget');
    var id = 'pw' + ++counter + '-' + Math.random().toString(36).slice(2, 10);
    var frame = document.createElement('iframe');
    frame.src = frameUrl(link, widget, id);
    frame.title = link.textContent.replace(/\s+/g, ' ').trim() || 'Belarus Portal';
    // Scripts and its own origin (to read the API and to be recognised by
    // its messages); popups so its links open the portal in a new tab,
    // escaping the sandbox so that tab is a normal page.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.className = 'portal-widget-frame';
    frame.setAttribute('data-widget', widget);
    var style = frame.style;
    style.display = 'block';
    style.width = '100%';
    style.maxWidth = '100%';
    style.border = '0';
    style.height = FIRST_HEIGHT + 'px';
    style.colorScheme = colorScheme(link.getAttribute('data-theme'));
    frames[id] = frame;
    link.parentNode.replaceChild(frame, link);
  }

  var observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          function (entries) {
            entries.forEach(function (entry) {
              if (!entry.isIntersecting) return;
              observer.unobserve(entry.target);
              upgrade(entry.target);
            });
          },
          { rootMargin: '400px 0px' }
        )
      : null;

  function process(root) {
    root = root || document;
    var links = [].slice.call(root.querySelectorAll ? root.querySelectorAll('a.portal-widget') : []);
    if (root.matches && root.matches('a.portal-widget')) links.unshift(root);
    links.forEach(function (link) {
      if (link.hasAttribute('data-portal-widget')) return;
      var known = WIDGETS.hasOwnProperty(link.getAttribute('data-widget'));
      // An unknown widget stays a plain link.
      link.setAttribute('data-portal-widget', known ? 'pending' : 'unknown');
      if (!known) return;
      if (observer) observer.observe(link);
      else upgrade(link);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== PORTAL) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== HEIGHT_MESSAGE) return;
    if (typeof data.id !== 'string' || typeof data.height !== 'number') return;
    var frame = frames.hasOwnProperty(data.id) ? frames[data.id] : null;
    if (!frame || event.source !== frame.contentWindow) return;
    var height = Math.ceil(data.height);
    if (!(height >= 0 && height <= MAX_HEIGHT)) return;
    frame.style.height = height + 'px';
  });

  window.PortalWidgets = { process: process };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      process();
    });
  } else {
    process();
  }
})();
