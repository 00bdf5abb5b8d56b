// The connection to /hubs/live (docs/LIVE.md). One subscription at a time: changing scope unsubscribes
// the old one first, and every (re)connect subscribes again, because a new connection belongs to no group.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

const MESSAGES = ['snapshot', 'kpi', 'grid', 'event', 'mode', 'boards'];

/** "An unexpected error occurred invoking 'Subscribe' on the server. HubException: X" → "X". */
const hubMessage = (error) => String(error?.message ?? error).replace(/^.*HubException:\s*/s, '');

/** The client reports a refused negotiation only in its message ("… Status code '401'"). */
const unauthorized = (error) => error?.statusCode === 401 || /Status code '401'/.test(String(error?.message ?? error));

export function createLive({ accessToken, handlers, onStatus, onError, onUnauthorized }) {
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/live', { accessTokenFactory: accessToken })
    // Never give up, except on a refused token: a dashboard on a wall should come back by itself after a
    // deploy or an outage, and retrying a token the server no longer accepts cannot succeed.
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (c) => (unauthorized(c.retryReason) ? null : Math.min(1000 * 2 ** c.previousRetryCount, 15000)),
    })
    .configureLogging(LogLevel.Warning)
    .build();

  let scope = null;
  let subscribed = null;
  // Subscribe and Unsubscribe run one after another, so quick scope changes cannot interleave.
  let queue = Promise.resolve();
  const enqueue = (work) => (queue = queue.then(work, work));

  for (const name of MESSAGES) connection.on(name, (message) => handlers[name]?.(message));

  const subscribe = () => enqueue(async () => {
    if (connection.state !== HubConnectionState.Connected || scope === null) return;
    if (subscribed !== null && subscribed !== scope) {
      await connection.invoke('Unsubscribe', subscribed).catch(() => {});
      subscribed = null;
    }
    if (subscribed === scope) return;
    const wanted = scope;
    try {
      await connection.invoke('Subscribe', wanted);
      subscribed = wanted;
      onError(null);
    } catch (error) {
      onError(`订阅失败 Subscribe(${wanted}) failed: ${hubMessage(error)}`);
    }
  });

  connection.onreconnecting(() => {
    subscribed = null;
    onStatus('reconnecting');
  });
  connection.onreconnected(() => {
    onStatus('connected');
    subscribe();
  });

  const start = async () => {
    for (let attempt = 0; ; attempt++) {
      onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        await connection.start();
        onStatus('connected');
        subscribe();
        return;
      } catch (error) {
        if (unauthorized(error)) {
          onUnauthorized();
          return;
        }
        onStatus('disconnected');
        onError(`实时连接失败 Live connection failed: ${hubMessage(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000 * 2 ** attempt, 30000)));
      }
    }
  };
  // Closed for good (the reconnect policy gave up on a refused token, or the server shut down cleanly).
  connection.onclose(() => {
    subscribed = null;
    start();
  });

  return {
    start,
    /** Switches the subscription; messages for the old scope may still arrive and are for the caller to drop. */
    setScope(next) {
      scope = next;
      return subscribe();
    },
  };
}
