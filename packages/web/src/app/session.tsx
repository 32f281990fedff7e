// Who is signed in, what the system is, and the idle timeout (R-SYS-02).
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  ApiError,
  api,
  type Me,
  type SecurityPolicy,
  type SystemInfo,
  setCsrfFallback,
  setUnauthorizedHandler,
} from './api.ts';

export type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'business';

export function roleOf(me: Me): Role {
  return me.adminRole ?? 'business';
}

/** Why the session ended; the login page says it. */
export type ExitReason = 'idle' | 'expired' | 'loggedOut';

export interface Session {
  /** undefined while the first /auth/me is in flight; null when signed out. */
  me: Me | null | undefined;
  /** Why the last session ended, until the next sign-in. */
  exitReason: ExitReason | null;
  info: SystemInfo | null;
  /** The security policy in force (everyone signed in may read it); null until known. */
  policy: SecurityPolicy | null;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<void>;
  logout: (reason?: ExitReason) => Promise<void>;
  /** The secadmin page reports a newly saved policy. */
  setPolicy: (p: SecurityPolicy) => void;
}

const SessionContext = createContext<Session | null>(null);

const DEFAULT_IDLE_MINUTES = 30;
const ACTIVITY_KEY = 'baomi.lastActivity';
const ACTIVITY_EVENTS = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [exitReason, setExitReason] = useState<ExitReason | null>(null);
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [policy, setPolicy] = useState<SecurityPolicy | null>(null);
  const meRef = useRef(me);
  meRef.current = me;
  const ending = useRef(false);

  const setMe = useCallback((m: Me | null) => {
    if (m) setExitReason(null);
    setMeState(m);
  }, []);

  /** Ends the session on this side; the guard then shows the login page with the reason. */
  const end = useCallback((reason: ExitReason) => {
    // answers to requests sent before the end must not overwrite the reason
    meRef.current = null;
    setExitReason(reason);
    setMeState(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const r = await api.me();
      setCsrfFallback(r.csrfToken ?? null);
      setMe(r.me);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        if (e.code === 'session_idle') end('idle');
        else setMeState(null);
      } else setMeState((cur) => (cur === undefined ? null : cur));
    }
  }, [end, setMe]);

  const logout = useCallback(
    async (reason: ExitReason = 'loggedOut') => {
      if (ending.current) return;
      ending.current = true;
      try {
        await api.logout();
      } catch {
        // the session may already be gone on the server: signing out locally is enough
      } finally {
        ending.current = false;
      }
      end(reason);
    },
    [end],
  );

  useEffect(() => {
    void refresh();
    api
      .systemInfo()
      .then(setInfo)
      .catch(() => setInfo(null));
  }, [refresh]);

  // A call that finds the session gone sends the user back to the login page.
  useEffect(() => {
    setUnauthorizedHandler((_path, e) => {
      if (!meRef.current || ending.current) return;
      end(e.code === 'session_idle' ? 'idle' : 'expired');
    });
    return () => setUnauthorizedHandler(() => {});
  }, [end]);

  // The policy gives the idle timeout and the password rules; it is readable once the
  // initial password has been replaced.
  const canReadPolicy = !!me && !me.mustChangePassword;
  const meId = me?.id;
  useEffect(() => {
    if (!canReadPolicy || !meId) {
      setPolicy(null);
      return;
    }
    api
      .securityPolicy()
      .then(setPolicy)
      .catch(() => setPolicy(null));
  }, [canReadPolicy, meId]);

  // Idle timeout: any activity in any tab of this browser keeps the session alive.
  const idleMinutes = policy?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  const signedIn = !!me;
  useEffect(() => {
    if (!signedIn) return;
    let last = Date.now();
    let lastWritten = 0;
    const touch = () => {
      last = Date.now();
      if (last - lastWritten > 5000) {
        lastWritten = last;
        try {
          localStorage.setItem(ACTIVITY_KEY, String(last));
        } catch {
          // ignore
        }
      }
    };
    touch();
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, touch, { passive: true });
    const timer = window.setInterval(() => {
      let shared = 0;
      try {
        shared = Number(localStorage.getItem(ACTIVITY_KEY) ?? 0);
      } catch {
        shared = 0;
      }
      const latest = Math.max(last, shared);
      if (Date.now() - latest > idleMinutes * 60_000) {
        window.clearInterval(timer);
        void logout('idle');
      }
    }, 10_000);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, touch);
      window.clearInterval(timer);
    };
  }, [signedIn, idleMinutes, logout]);

  const value = useMemo<Session>(
    () => ({ me, exitReason, info, policy, setMe, refresh, logout, setPolicy }),
    [me, exitReason, info, policy, setMe, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for pages behind the auth guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
