/* global window, document, WebSocket, performance, PerformanceObserver, URLSearchParams, setTimeout */
// The page side of the terminal throughput bench: what the renderer does with a terminal session
// (xterm.js writes, acknowledgement from xterm's write callback over `terminal.ack`), on the web
// host's wire protocol, with long tasks recorded by a PerformanceObserver.
(function () {
  const state = { chars: 0, writes: 0, exited: false, done: false, longTasks: [], error: null, firstAt: 0, doneAt: 0 };
  window.bench = state;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });

  // ?transport: acknowledge without xterm, to tell transport cost from xterm's parsing.
  const transportOnly = new URLSearchParams(window.location.search).has('transport');
  const term = new window.Terminal({ cols: 120, rows: 40, scrollback: 1000 });
  term.open(document.getElementById('terminal'));

  const socket = new WebSocket(`ws://${window.location.host}/api`);
  let nextId = 1;
  let pendingWrites = 0;
  let sessionId = null;
  const call = (channel, payload) => socket.send(JSON.stringify({ type: 'call', id: nextId++, channel, payload }));
  const finishIfDone = () => {
    if (state.exited && pendingWrites === 0 && !state.done) {
      state.done = true;
      state.doneAt = performance.now();
    }
  };

  socket.onopen = () => {
    state.open = true;
  };
  socket.onerror = () => {
    state.error = 'websocket error';
  };
  socket.onmessage = (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type !== 'event') return;
    if (frame.event === 'terminal.output') {
      if (sessionId === null) sessionId = frame.payload.sessionId;
      if (frame.payload.sessionId !== sessionId) return;
      const data = frame.payload.data;
      if (state.firstAt === 0) state.firstAt = performance.now();
      pendingWrites++;
      const write = transportOnly ? (d, cb) => setTimeout(cb, 0) : (d, cb) => term.write(d, cb);
      write(data, () => {
        state.chars += data.length;
        state.writes++;
        pendingWrites--;
        call('terminal.ack', { sessionId, chars: data.length });
        finishIfDone();
      });
    } else if (frame.event === 'terminal.exit' && frame.payload.sessionId === sessionId) {
      state.exited = true;
      finishIfDone();
    }
  };
})();
