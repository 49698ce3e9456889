// The PaaSTA dashboard: three pages (cluster, instance, job) read from the daemon's JSON API and
// kept live by its server-sent events (/v1/events). Every text from the API is set with
// textContent, never parsed as HTML: names and task output with HTML in them render as text.
'use strict';

(function () {
  const TOKEN_KEY = 'paasta-api-token';
  let page = null; // the page shown: {onChange(kind, service, instance), onReconnect()}

  // ---------- small helpers ----------

  /** An element with attributes and children (strings become text nodes). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'onclick') el.addEventListener('click', value);
      else if (name === 'className') el.className = value;
      else el.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function text(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  function enc(part) {
    return encodeURIComponent(part);
  }

  function instancePath(service, instance) {
    return '/v1/services/' + enc(service) + '/' + enc(instance);
  }

  async function api(path, options) {
    const response = await fetch(path, options || {});
    const body = await response.text();
    let json = null;
    try {
      json = body ? JSON.parse(body) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const detail = json && json.detail ? json.detail : body;
      const error = new Error(response.status + ': ' + detail);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async function write(method, path, body) {
    return api(path, {
      method: method,
      headers: { 'Authorization': 'Bearer ' + token(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {}),
    });
  }

  function age(iso, now) {
    if (!iso) return '';
    const seconds = Math.max(0, Math.round(((now || Date.now()) - Date.parse(iso)) / 1000));
    if (seconds < 120) return seconds + 's';
    if (seconds < 7200) return Math.round(seconds / 60) + 'm';
    if (seconds < 172800) return Math.round(seconds / 3600) + 'h';
    return Math.round(seconds / 86400) + 'd';
  }

  function duration(startIso, endIso) {
    if (!startIso) return '';
    const end = endIso ? Date.parse(endIso) : Date.now();
    const seconds = Math.max(0, (end - Date.parse(startIso)) / 1000);
    return seconds < 120 ? seconds.toFixed(1) + 's' : Math.round(seconds / 60) + 'm';
  }

  function badge(label, cls) {
    return h('span', { className: 'state ' + cls, 'data-state': label }, label);
  }

  function notice(message, error) {
    return h('div', { className: 'notice' + (error ? ' error' : '') }, message);
  }

  function shortSha(sha) {
    return sha ? String(sha).substring(0, 8) : '';
  }

  /** The app part of a status document: under marathon or kubernetes. */
  function app(doc) {
    return doc.marathon || doc.kubernetes || {};
  }

  /** State of an instance as the dashboard shows it: a label and a colour class. */
  function instanceState(doc) {
    const a = app(doc);
    switch (a.deploy_status) {
      case 'Running': return { label: 'Running', cls: 'running' };
      case 'Deploying': return { label: 'Deploying', cls: 'deploying' };
      case 'Stopped': return { label: 'Stopped', cls: 'stopped' };
      case 'Delayed': return { label: 'Crash-looping', cls: 'crashlooping' };
      case 'Waiting': return { label: 'Waiting', cls: 'waiting' };
      case 'NotRunning': return { label: 'Not deployed', cls: 'notdeployed' };
      default: return { label: text(a.deploy_status || 'Unknown'), cls: 'unknown' };
    }
  }

  function failingChecks(doc) {
    return (doc.checks || []).filter(c => c.status !== 0);
  }

  /** Lower sorts first: failing checks and red states before the rest. */
  function severity(doc) {
    const cls = instanceState(doc).cls;
    if (failingChecks(doc).length > 0 || cls === 'crashlooping' || cls === 'waiting') return 0;
    if (cls === 'deploying') return 1;
    return 2;
  }

  function progress(healthy, expected) {
    const share = expected > 0 ? Math.min(1, healthy / expected) : 0;
    const bar = h('span', {});
    bar.style.width = Math.round(share * 100) + '%';
    return h('span', {},
      h('span', { className: 'progress', role: 'progressbar', 'aria-valuenow': healthy,
        'aria-valuemax': expected }, bar),
      healthy + '/' + expected + ' new happy');
  }

  /** A check's kind: its name without the ".service.instance" it ends with. */
  function checkName(check, doc) {
    const name = text(check.name);
    const suffix = '.' + doc.service + '.' + doc.instance;
    return name.endsWith(suffix) ? name.substring(0, name.length - suffix.length) : name;
  }

  // ---------- the cluster page ----------

  function clusterPage(main) {
    const rows = new Map(); // "service/instance" -> {doc, tr}
    const jobRows = new Map();
    const tbody = h('tbody', { id: 'instances' });
    const jobBody = h('tbody', { id: 'jobs' });
    const capacity = h('div', { className: 'panel', id: 'capacity' }, 'Capacity: loading...');
    const filter = h('input', { className: 'filter', type: 'search', placeholder: 'filter by name' });
    const summary = h('p', { id: 'summary', className: 'muted' });

    function instanceRow(doc) {
      const a = app(doc);
      const state = instanceState(doc);
      const failing = failingChecks(doc);
      const expected = a.expected_instance_count || 0;
      const key = doc.service + '/' + doc.instance;
      const tr = h('tr', {
        className: failing.length > 0 || state.cls === 'crashlooping' || state.cls === 'waiting' ? 'bad' : '',
        'data-key': key, 'data-state': state.label,
      },
      h('td', {}, h('a', { href: '#/instance/' + enc(doc.service) + '/' + enc(doc.instance) },
        doc.service + '.' + doc.instance)),
      h('td', {}, badge(state.label, state.cls)),
      h('td', {}, state.cls === 'deploying'
        ? progress(a.healthy_instance_count || 0, expected)
        : (a.healthy_instance_count || 0) + '/' + expected + ' healthy'),
      h('td', {}, shortSha(doc.git_sha)),
      h('td', {}, failing.map(c => h('div', {}, badge(c.status === 1 ? 'WARNING' : 'CRITICAL',
        c.status === 1 ? 'warn' : 'bad'), ' ', checkName(c, doc)))),
      h('td', {}, text(a.error_message)));
      return tr;
    }

    function jobRow(doc) {
      const c = doc.chronos || {};
      const result = text(c.last_result);
      const tr = h('tr', { className: result === 'Failed' ? 'bad' : '', 'data-key': doc.service + '/' + doc.instance },
        h('td', {}, h('a', { href: '#/job/' + enc(doc.service) + '/' + enc(doc.instance) },
          doc.service + '.' + doc.instance)),
        h('td', {}, badge(text(c.desired_state), c.desired_state === 'Scheduled' ? 'ok' : 'idle')),
        h('td', {}, badge(text(c.run_state), c.run_state === 'running' ? 'busy' : 'idle')),
        h('td', {}, badge(result, result === 'OK' ? 'ok' : result === 'Failed' ? 'failed' : 'new')),
        h('td', {}, c.last_result_time ? age(c.last_result_time) + ' ago' : ''),
        h('td', {}, text(c.next_run)),
        h('td', {}, text(c.schedule || (c.parents || []).join(', '))));
      return tr;
    }

    function matches(key) {
      const wanted = filter.value.trim().toLowerCase();
      return !wanted || key.toLowerCase().includes(wanted.replace('.', '/')) || key.replace('/', '.').toLowerCase().includes(wanted);
    }

    function order() {
      const sorted = [...rows.values()].sort((x, y) =>
        severity(x.doc) - severity(y.doc) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      const fragment = document.createDocumentFragment();
      for (const row of sorted) {
        row.tr.hidden = !matches(row.key);
        fragment.appendChild(row.tr);
      }
      tbody.appendChild(fragment);
      const counts = {};
      for (const row of rows.values()) {
        const label = instanceState(row.doc).label;
        counts[label] = (counts[label] || 0) + 1;
      }
      summary.textContent = rows.size + ' instances: ' +
        Object.entries(counts).map(([k, v]) => v + ' ' + k).join(', ') + '; ' + jobRows.size + ' jobs';
    }

    function putInstance(doc) {
      const key = doc.service + '/' + doc.instance;
      const tr = instanceRow(doc);
      const old = rows.get(key);
      if (old) old.tr.replaceWith(tr);
      rows.set(key, { key: key, doc: doc, tr: tr });
    }

    function putJob(doc) {
      const key = doc.service + '/' + doc.instance;
      const tr = jobRow(doc);
      const old = jobRows.get(key);
      if (old) old.replaceWith(tr); else jobBody.appendChild(tr);
      jobRows.set(key, tr);
    }

    async function loadAll() {
      const cluster = await api('/v1/cluster');
      rows.clear();
      jobRows.clear();
      tbody.replaceChildren();
      jobBody.replaceChildren();
      cluster.instances.forEach(putInstance);
      cluster.jobs.forEach(putJob);
      order();
      const problems = Object.entries(cluster.service_problems || {});
      problemsBox.replaceChildren(...problems.map(([service, list]) =>
        notice(service + ': ' + list.join('; '), true)));
      document.body.setAttribute('data-rendered', String(Date.now()));
      if (!document.body.hasAttribute('data-first-render-ms')) {
        // milliseconds from the navigation's start to the whole table in the page (bench/dashboard.sh)
        requestAnimationFrame(() => document.body.setAttribute('data-first-render-ms',
          String(Math.round(performance.now()))));
      }
    }

    let capacityReadAt = 0;
    let capacityTimer = null;

    /** Tasks changed: capacity is read again, at most once a second however many changes come. */
    function capacityChanged() {
      if (capacityTimer) return;
      capacityTimer = setTimeout(() => { capacityTimer = null; loadCapacity(); },
        Math.max(0, 1000 - (Date.now() - capacityReadAt)));
    }

    async function loadCapacity() {
      capacityReadAt = Date.now();
      try {
        const m = await api('/v1/metastatus');
        const list = h('dl', {});
        for (const host of m.hosts || []) {
          for (const res of ['cpus', 'mem', 'disk']) {
            const used = host.used ? host.used[res] : 0;
            const total = host.total ? host.total[res] : 0;
            list.append(h('dt', {}, host.hostname + ' ' + res),
              h('dd', {}, Number(used).toFixed(res === 'cpus' ? 2 : 0) + ' / ' +
                Number(total).toFixed(res === 'cpus' ? 2 : 0) + (res === 'cpus' ? '' : ' MB')));
          }
        }
        const tasks = m.tasks || {};
        capacity.setAttribute('data-running', String(tasks.running || 0));
        list.append(h('dt', {}, 'tasks'), h('dd', {}, (tasks.running || 0) + ' running, ' +
          (tasks.starting || 0) + ' starting, ' + (tasks.unhealthy || 0) + ' unhealthy'));
        for (const c of m.components || []) {
          list.append(h('dt', {}, c.name), h('dd', {}, badge(c.status, c.status === 'OK' ? 'ok' : 'bad'), ' ', text(c.detail)));
        }
        capacity.replaceChildren(h('strong', {}, 'Capacity (' + text(m.backend) + ')'), list);
      } catch (e) {
        capacity.replaceChildren('Capacity: ' + e.message);
      }
    }

    const pendingInstances = new Set();
    const pendingJobs = new Set();
    let flushTimer = null;

    let flushing = false;
    /** More changed instances and jobs than this are read in one GET /v1/cluster. */
    const ONE_BY_ONE = 20;
    /** The most /status reads in flight at once (Chromium has 6 connections per host). */
    const AT_ONCE = 4;

    function scheduleFlush() {
      if (!flushTimer && !flushing) flushTimer = setTimeout(flush, 50);
    }

    /**
     * Reads what changed, one flush at a time (changes meanwhile wait for the next): each instance
     * and job, at most AT_ONCE at once, or the whole cluster when more than ONE_BY_ONE changed (the
     * daemon's first pass over 1,000 instances sent 1,000 reads at once, and every other request
     * of the page waited behind them).
     */
    async function flush() {
      flushTimer = null;
      flushing = true;
      try {
        if (pendingInstances.size + pendingJobs.size > ONE_BY_ONE) {
          pendingInstances.clear();
          pendingJobs.clear();
          await loadAll().catch(() => {});
          return;
        }
        const instances = [...pendingInstances];
        const jobs = [...pendingJobs];
        pendingInstances.clear();
        pendingJobs.clear();
        await eachAtMost(instances, AT_ONCE, async key => {
          const [service, instance] = key.split('\u0000');
          try {
            putInstance(await api(instancePath(service, instance) + '/status'));
          } catch (e) {
            const old = rows.get(service + '/' + instance);
            if (old && e.status === 404) { old.tr.remove(); rows.delete(service + '/' + instance); }
          }
        });
        await eachAtMost(jobs, AT_ONCE, async key => {
          const [service, instance] = key.split('\u0000');
          try {
            putJob(await api(instancePath(service, instance) + '/status?runs=0'));
          } catch (e) {
            const old = jobRows.get(service + '/' + instance);
            if (old && e.status === 404) { old.remove(); jobRows.delete(service + '/' + instance); }
          }
        });
        order();
      } finally {
        flushing = false;
        if (pendingInstances.size || pendingJobs.size) scheduleFlush();
      }
    }

    const problemsBox = h('div', {});
    filter.addEventListener('input', order);
    main.replaceChildren(
      h('h1', {}, 'Cluster'),
      problemsBox,
      summary,
      h('div', { className: 'grid' }, capacity),
      h('h2', {}, 'Services'),
      filter,
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'instance'), h('th', {}, 'state'),
        h('th', {}, 'tasks'), h('th', {}, 'git sha'), h('th', {}, 'failing checks'), h('th', {}, 'message'))), tbody),
      h('h2', {}, 'Scheduled jobs'),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'job'), h('th', {}, 'desired'), h('th', {}, 'now'),
        h('th', {}, 'last'), h('th', {}, 'finished'), h('th', {}, 'next run'), h('th', {}, 'schedule / parents'))), jobBody));
    loadAll().catch(e => main.prepend(notice('Cannot read the cluster: ' + e.message, true)));
    loadCapacity();

    return {
      onChange(kind, service, instance) {
        (kind === 'job' ? pendingJobs : pendingInstances).add(service + '\u0000' + instance);
        scheduleFlush();
        capacityChanged();
      },
      onReconnect() {
        loadAll().catch(() => {});
        capacityChanged();
      },
    };
  }

  /** Runs task on every item, at most limit at once; resolves when all have ended. */
  async function eachAtMost(items, limit, task) {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  }

  // ---------- the instance page ----------

  function instancePage(main, service, instance) {
    const path = instancePath(service, instance);
    const body = h('div', {});
    const LOG_LINES = 30;
    let logLines = null; // the last stored log lines (raw JSON), null when the cluster keeps none
    let logStream = null; // the AbortController of the followed log stream
    main.replaceChildren(
      h('h1', {}, h('a', { href: '#/' }, 'Cluster'), ' / ', service + '.' + instance),
      body);

    async function load() {
      const [status, tasks, logs] = await Promise.all([
        api(path + '/status'),
        api(path + '/tasks?verbose=2'),
        api('/v1/services/' + enc(service) + '/logs?instances=' + enc(instance) + '&lines=' + LOG_LINES).catch(() => null),
      ]);
      render(status, tasks.tasks || [], logs);
    }

    function render(status, tasks, logs) {
      const a = app(status);
      const state = instanceState(status);
      const desiredApp = a.app_id;
      const now = Date.now();
      const writes = token() ? h('div', {},
        h('button', { className: 'write', id: 'restart', type: 'button', onclick: restart }, 'Restart')) : null;

      const versions = new Map();
      for (const t of tasks) {
        const v = versions.get(t.app_id) || { running: 0, healthy: 0, exited: 0, sha: t.git_sha };
        if (t.state === 'running') v.running++;
        if (t.state === 'running' && t.health === 'healthy') v.healthy++;
        if (t.state === 'exited') v.exited++;
        versions.set(t.app_id, v);
      }
      if (desiredApp && !versions.has(desiredApp)) versions.set(desiredApp, { running: 0, healthy: 0, exited: 0, sha: status.git_sha });

      const overview = h('div', { className: 'panel' }, h('dl', {},
        h('dt', {}, 'state'), h('dd', { id: 'instance-state' }, badge(state.label, state.cls)),
        h('dt', {}, 'bounce'), h('dd', {}, state.cls === 'deploying'
          ? progress(a.healthy_instance_count || 0, a.expected_instance_count || 0)
          : (a.healthy_instance_count || 0) + '/' + (a.expected_instance_count || 0) + ' healthy'),
        h('dt', {}, 'desired state'), h('dd', {}, text(status.desired_state)),
        h('dt', {}, 'git sha'), h('dd', {}, text(status.git_sha)),
        h('dt', {}, 'app'), h('dd', {}, text(desiredApp)),
        h('dt', {}, 'config hash'), h('dd', {}, text(desiredApp).replace(/^.*\.config/, '')),
        h('dt', {}, 'bounce method'), h('dd', {}, text(a.bounce_method)),
        a.error_message ? [h('dt', {}, 'message'), h('dd', {}, text(a.error_message))] : null,
        (a.config_problems || []).length ? [h('dt', {}, 'config problems'), h('dd', {}, a.config_problems.join('; '))] : null,
        a.pass_backoff ? [h('dt', {}, 'backoff'), h('dd', {}, a.pass_backoff.failures + ' failed passes; next try in ' +
          a.pass_backoff.next_try_in_seconds + 's: ' + text(a.pass_backoff.last_error))] : null));

      const versionRows = [...versions.entries()].map(([id, v]) => h('tr', {},
        h('td', {}, id === desiredApp ? badge('new', 'busy') : badge('old', 'idle')),
        h('td', {}, text(id)), h('td', {}, shortSha(v.sha)),
        h('td', {}, v.running + ' running, ' + v.healthy + ' healthy'),
        h('td', {}, String(v.exited))));

      const taskRows = tasks.map(t => h('tr', { className: t.state === 'exited' && t.exit_code !== 0 ? 'bad' : '', 'data-task': t.id },
        h('td', {}, shortId(t.id)),
        h('td', {}, t.app_id === desiredApp ? 'new' : 'old'),
        h('td', {}, badge(text(t.state), t.state === 'running' ? 'ok' : t.state === 'exited' ? 'failed' : 'idle')),
        h('td', {}, badge(text(t.health), t.health === 'healthy' ? 'healthy' : t.health === 'unhealthy' ? 'unhealthy' : 'unknown'),
          t.drain === 'draining' ? ' draining' : ''),
        h('td', {}, text(t.port)),
        h('td', {}, age(t.started_at, now)),
        h('td', {}, t.exit_code === null || t.exit_code === undefined ? '' : String(t.exit_code)),
        h('td', {}, h('pre', { className: 'output' }, (t.output || []).join('\n')))));

      const checks = (status.checks || []).slice().sort((x, y) => y.status - x.status).map(c => h('tr', { className: c.status !== 0 ? 'bad' : '' },
        h('td', {}, text(c.name)),
        h('td', {}, badge(['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'][c.status] || text(c.status),
          c.status === 0 ? 'ok' : c.status === 1 ? 'warn' : 'bad')),
        h('td', {}, c.since ? age(c.since, now) : ''),
        h('td', {}, h('pre', {}, text(c.output)))));

      const smartstack = status.smartstack && status.smartstack.locations
        ? status.smartstack.locations.map(l => h('tr', {},
          h('td', {}, text(l.namespace)), h('td', {}, text(l.name)),
          h('td', {}, badge(l.running_backends + '/' + l.expected_backends + ' UP',
            l.running_backends >= l.expected_backends ? 'ok' : 'bad'))))
        : [];
      const upTasks = tasks.filter(t => t.state === 'running').map(t => h('tr', {},
        h('td', {}, shortId(t.id)), h('td', {}, text(t.host) + ':' + text(t.port)),
        h('td', {}, t.health === 'healthy' && t.drain !== 'draining' ? badge('UP', 'ok') : badge('DOWN', 'bad'))));

      const scaling = status.autoscaling;
      const autoscaler = scaling ? h('div', { className: 'panel' }, h('strong', {}, 'Autoscaler'), h('dl', {},
        h('dt', {}, 'policy'), h('dd', {}, text(scaling.metrics_provider) + ' / ' + text(scaling.decision_policy) + ' setpoint ' + text(scaling.setpoint)),
        h('dt', {}, 'bounds'), h('dd', {}, text(scaling.min_instances) + '..' + text(scaling.max_instances)),
        h('dt', {}, 'utilization'), h('dd', {}, scaling.utilization === null ? 'unknown' : (scaling.utilization * 100).toFixed(0) + '%'),
        h('dt', {}, 'last decision'), h('dd', {}, scaling.last_decision
          ? text(scaling.last_decision.outcome) + ' ' + text(scaling.last_decision.from) + ' -> ' + text(scaling.last_decision.to) + ': ' + text(scaling.last_decision.message)
          : 'none yet'),
        scaling.paused_until ? [h('dt', {}, 'paused until'), h('dd', {}, text(scaling.paused_until))] : null))
        : null;

      logLines = logs && logs.lines ? logs.lines.slice(-LOG_LINES) : null;

      body.replaceChildren(
        writes,
        h('div', { className: 'grid' }, overview, autoscaler),
        h('h2', {}, 'Versions'),
        h('table', { id: 'versions' }, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'app'), h('th', {}, 'git sha'),
          h('th', {}, 'tasks'), h('th', {}, 'exited (restarts)'))), h('tbody', {}, versionRows)),
        h('h2', {}, 'Tasks'),
        h('table', { id: 'tasks' }, h('thead', {}, h('tr', {}, h('th', {}, 'task'), h('th', {}, 'version'), h('th', {}, 'state'),
          h('th', {}, 'health'), h('th', {}, 'port'), h('th', {}, 'age'), h('th', {}, 'exit'), h('th', {}, 'last output'))),
        h('tbody', {}, taskRows)),
        h('h2', {}, 'Checks'),
        checks.length ? h('table', { id: 'checks' }, h('thead', {}, h('tr', {}, h('th', {}, 'check'), h('th', {}, 'status'),
          h('th', {}, 'since'), h('th', {}, 'output'))), h('tbody', {}, checks)) : h('p', { className: 'muted' }, 'No check has run yet.'),
        h('h2', {}, 'SmartStack'),
        smartstack.length ? h('table', {}, h('tbody', {}, smartstack)) : h('p', { className: 'muted' }, 'Not routed by SmartStack on this daemon.'),
        upTasks.length ? h('table', { id: 'backends' }, h('thead', {}, h('tr', {}, h('th', {}, 'backend'), h('th', {}, 'address'), h('th', {}, 'registered'))),
          h('tbody', {}, upTasks)) : null,
        h('h2', {}, 'Last output'),
        logLines === null ? h('p', { className: 'muted' }, 'This cluster keeps no logs.')
          : h('pre', { id: 'logs' }, logLines.map(logText).join('\n')));
      document.body.setAttribute('data-rendered', String(Date.now()));
    }

    async function restart() {
      try {
        await write('POST', path + '/restart', {});
        body.prepend(notice('Restart asked: the instance bounces to a new app.'));
      } catch (e) {
        body.prepend(notice('Restart refused: ' + e.message, true));
      }
    }

    function logText(raw) {
      try {
        const line = JSON.parse(raw);
        return text(line.timestamp) + ' ' + text(line.component) + ' ' + text(line.message);
      } catch (e) {
        return text(raw);
      }
    }

    /** New lines from the log stream: added to the last lines shown, which stay LOG_LINES. */
    function logsArrived(raws) {
      if (logLines === null || !raws.length) return;
      for (const raw of raws) if (!logLines.includes(raw)) logLines.push(raw);
      logLines = logLines.slice(-LOG_LINES);
      const pre = document.getElementById('logs');
      if (pre) pre.textContent = logLines.map(logText).join('\n');
    }

    /**
     * Follows the instance's new log lines (GET .../logs/stream, one JSON line each) while the page
     * is shown; a lost or refused stream (the daemon's streams are bounded) is tried again in 5 s,
     * meanwhile the lines are re-read on each change of the instance.
     */
    async function followLogs() {
      const controller = new AbortController();
      logStream = controller;
      let retry = true;
      try {
        const response = await fetch('/v1/services/' + enc(service) + '/logs/stream?instances=' + enc(instance),
          { signal: controller.signal });
        retry = response.status !== 404; // 404: this cluster keeps no logs
        if (response.ok) {
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let rest = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const parts = (rest + decoder.decode(value, { stream: true })).split('\n');
            rest = parts.pop();
            logsArrived(parts.filter(p => p.trim()));
          }
        }
      } catch (e) {
        // aborted (the page was left) or lost
      }
      if (retry && logStream === controller && !controller.signal.aborted) {
        setTimeout(() => { if (logStream === controller) followLogs(); }, 5000);
      }
    }

    let loading = null;
    let again = false;
    function reload() {
      if (loading) { again = true; return; }
      loading = load().catch(e => body.replaceChildren(notice('Cannot read ' + service + '.' + instance + ': ' + e.message, true)))
        .finally(() => { loading = null; if (again) { again = false; reload(); } });
    }
    reload();
    followLogs();
    return {
      onChange(kind, s, i) { if (kind === 'instance' && s === service && i === instance) reload(); },
      onReconnect: reload,
      leave() {
        if (logStream) logStream.abort();
        logStream = null;
      },
    };
  }

  function shortId(id) {
    return text(id).substring(0, 12);
  }

  // ---------- the job page ----------

  function jobPage(main, service, instance) {
    const path = instancePath(service, instance);
    const body = h('div', {});
    let selected = null; // run_id whose output is shown
    main.replaceChildren(
      h('h1', {}, h('a', { href: '#/' }, 'Cluster'), ' / ', service + '.' + instance),
      body);

    async function load() {
      const status = await api(path + '/status?runs=40');
      const runs = status.chronos.runs || [];
      if (selected === null && runs.length) selected = runs[0].run_id;
      const index = runs.findIndex(r => r.run_id === selected);
      let output = null;
      if (index >= 0) {
        const withOutput = await api(path + '/runs?limit=' + (index + 1) + '&output_lines=50');
        const run = (withOutput.runs || []).find(r => r.run_id === selected);
        output = run ? run.output : null;
      }
      render(status, runs, output);
    }

    function link(id) {
      const dot = id.indexOf('.');
      return h('a', { href: '#/job/' + enc(id.substring(0, dot)) + '/' + enc(id.substring(dot + 1)) }, id);
    }

    function render(status, runs, output) {
      const c = status.chronos;
      const result = text(c.last_result);
      const longest = Math.max(1, ...runs.map(r => r.start ? (Date.parse(r.end || new Date().toISOString()) - Date.parse(r.start)) : 0));
      const bars = runs.slice().reverse().map(r => {
        const ms = r.start ? Date.parse(r.end || new Date().toISOString()) - Date.parse(r.start) : 0;
        const bar = h('button', {
          type: 'button',
          className: 'run ' + text(r.state) + (r.run_id === selected ? ' selected' : ''),
          title: '#' + r.run_id + ' ' + r.state + ' ' + text(r.execution_date) + ' (' + duration(r.start, r.end) + ')',
          'data-run': r.run_id, 'data-state': r.state,
          onclick: () => { selected = r.run_id; reload(); },
        });
        bar.style.height = Math.max(12, Math.round(50 * ms / longest)) + 'px';
        return bar;
      });
      const rows = runs.map(r => h('tr', { className: r.state === 'failed' ? 'bad' : '', 'data-run': r.run_id },
        h('td', {}, '#' + r.run_id),
        h('td', {}, badge(text(r.state), text(r.state))),
        h('td', {}, text(r.trigger) + (r.trigger === 'rerun' ? ' (Launched by paasta rerun)' : '')),
        h('td', {}, text(r.execution_date)),
        h('td', {}, text(r.start)),
        h('td', {}, duration(r.start, r.end)),
        h('td', {}, r.exit_code === null ? '' : String(r.exit_code)),
        h('td', {}, r.attempts + '/' + r.max_attempts),
        h('td', {}, text(r.message))));
      const writes = token() ? h('div', {},
        h('button', { className: 'write', id: 'rerun', type: 'button', onclick: () => rerun(c) }, 'Run now')) : null;
      body.replaceChildren(
        writes,
        h('div', { className: 'grid' }, h('div', { className: 'panel' }, h('dl', {},
          h('dt', {}, 'desired'), h('dd', {}, badge(text(c.desired_state), c.desired_state === 'Scheduled' ? 'ok' : 'idle')),
          h('dt', {}, 'now'), h('dd', { id: 'run-state' }, badge(text(c.run_state), c.run_state === 'running' ? 'busy' : 'idle')),
          h('dt', {}, 'last'), h('dd', {}, badge(result, result === 'OK' ? 'ok' : result === 'Failed' ? 'failed' : 'new'), ' ', text(c.last_result_time)),
          h('dt', {}, 'schedule'), h('dd', {}, c.schedule ? text(c.schedule) + ' (' + text(c.schedule_time_zone) + ')' : 'after its parents'),
          h('dt', {}, 'next run'), h('dd', {}, text(c.next_run || '-')),
          h('dt', {}, 'epsilon'), h('dd', {}, text(c.epsilon)),
          h('dt', {}, 'command'), h('dd', {}, h('code', {}, text(c.command))),
          h('dt', {}, 'git sha'), h('dd', {}, text(status.git_sha)),
          h('dt', {}, 'parents'), h('dd', { id: 'parents' }, (c.parents || []).length ? (c.parents || []).map(p => [link(p), ' ']) : 'none'),
          h('dt', {}, 'children'), h('dd', { id: 'children' }, (status.children || []).length ? status.children.map(p => [link(p), ' ']) : 'none'),
          c.problem ? [h('dt', {}, 'problem'), h('dd', {}, text(c.problem))] : null))),
        h('h2', {}, 'Recent runs (oldest left; height: duration)'),
        h('div', { className: 'timeline', id: 'timeline' }, bars),
        h('h2', {}, 'Output of run ' + (selected === null ? '-' : '#' + selected)),
        h('pre', { id: 'run-output' }, output === null ? 'No run yet.' : output.join('\n')),
        h('h2', {}, 'Runs'),
        h('table', { id: 'runs' }, h('thead', {}, h('tr', {}, h('th', {}, 'run'), h('th', {}, 'result'), h('th', {}, 'trigger'),
          h('th', {}, 'execution date'), h('th', {}, 'start'), h('th', {}, 'duration'), h('th', {}, 'exit'), h('th', {}, 'attempts'),
          h('th', {}, 'message'))), h('tbody', {}, rows)));
      document.body.setAttribute('data-rendered', String(Date.now()));
    }

    async function rerun(c) {
      const graph = (c.parents || []).length > 0;
      try {
        const created = await write('POST', path + '/runs', graph ? { rerun_type: 'instance' } : {});
        selected = created.runs && created.runs.length ? created.runs[0].run_id : selected;
        reload();
      } catch (e) {
        body.prepend(notice('Run refused: ' + e.message, true));
      }
    }

    let loading = null;
    let again = false;
    function reload() {
      if (loading) { again = true; return; }
      loading = load().catch(e => body.replaceChildren(notice('Cannot read ' + service + '.' + instance + ': ' + e.message, true)))
        .finally(() => { loading = null; if (again) { again = false; reload(); } });
    }
    reload();
    return {
      onChange(kind, s, i) { if (kind === 'job' && s === service && i === instance) reload(); },
      onReconnect: reload,
    };
  }

  // ---------- routing, token, live events ----------

  function route() {
    const main = document.getElementById('page');
    const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    if (page && page.leave) page.leave(); // its own streams end with it
    if (parts[0] === 'instance' && parts.length === 3) page = instancePage(main, parts[1], parts[2]);
    else if (parts[0] === 'job' && parts.length === 3) page = jobPage(main, parts[1], parts[2]);
    else page = clusterPage(main);
  }

  function showToken() {
    const has = !!token();
    document.getElementById('token-form').hidden = has;
    document.getElementById('token-forget').hidden = !has;
  }

  function setUpToken() {
    document.getElementById('token-form').addEventListener('submit', event => {
      event.preventDefault();
      const input = document.getElementById('token-input');
      if (input.value.trim()) sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      input.value = '';
      showToken();
      route();
    });
    document.getElementById('token-forget').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      showToken();
      route();
    });
    showToken();
  }

  let events = null; // the EventSource of /v1/events while the page is shown

  function showLive(on) {
    const live = document.getElementById('live');
    live.textContent = on ? 'live' : 'offline';
    live.className = 'live ' + (on ? 'on' : 'off');
    document.body.setAttribute('data-live', String(on));
  }

  function follow() {
    const source = new EventSource('/v1/events');
    events = source;
    let opened = false;
    source.addEventListener('open', () => {
      showLive(true);
      if (opened && page) page.onReconnect(); // events were missed while away
      opened = true;
    });
    source.addEventListener('error', () => showLive(false));
    for (const kind of ['instance', 'job']) {
      source.addEventListener(kind, event => {
        const change = JSON.parse(event.data);
        if (page) page.onChange(kind, change.service, change.instance);
      });
    }
  }

  /**
   * The streams (the events; the instance's log lines) are open only while the page is seen. A
   * browser opens at most 6 connections to a host, shared by its tabs, and a stream holds one:
   * pages left for another, which Chromium keeps in its back/forward cache for up to a minute with
   * their streams open, and tabs in the background, would hold them all, and the requests of the
   * page in front would wait. A page hidden (left, or its tab in the background) ends its streams;
   * seen again, it starts them again and re-reads everything.
   */
  function stopStreams() {
    if (!events) return;
    events.close();
    events = null;
    if (page && page.leave) page.leave();
    page = null;
    showLive(false);
  }

  function resumeStreams() {
    if (events || document.visibilityState === 'hidden') return;
    route();
    follow();
  }

  window.addEventListener('pagehide', stopStreams);
  window.addEventListener('pageshow', event => { if (event.persisted) resumeStreams(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') stopStreams(); else resumeStreams();
  });

  document.addEventListener('DOMContentLoaded', () => {
    api('/v1/version').then(v => {
      document.getElementById('cluster-name').textContent = 'cluster ' + v.cluster + ' (paasta ' + v.version + ')';
    }).catch(() => {});
    setUpToken();
    window.addEventListener('hashchange', () => { if (events) route(); }); // else when seen again
    route();
    follow();
    if (document.visibilityState === 'hidden') stopStreams(); // opened in the background
  });
})();
