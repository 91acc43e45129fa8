// require('os'): what a Lambda execution environment reports (Amazon Linux, /tmp, the sandbox
// user, vCPUs and memory following the function's memory setting).
import { MathFloor, MathMax, MathMin, NumberCtor, StringCtor, StringPrototypeCharCodeAt, call } from '../intrinsics.ts';
import { MathCeil, MathImul, notAvailable } from './captured.ts';

const MB = 1024 * 1024;
const MB_PER_VCPU = 1769;

export interface OsDeps {
  process: Record<string, unknown>;
  startTime: number;
  now: () => number;
}

function env(deps: OsDeps): Record<string, string | undefined> {
  return (deps.process['env'] ?? {}) as Record<string, string | undefined>;
}

export function memoryMB(deps: OsDeps): number {
  const n = NumberCtor(env(deps)['AWS_LAMBDA_FUNCTION_MEMORY_SIZE']);
  return n > 0 ? n : 128;
}

/** Lambda allocates CPU with memory: one vCPU up to 1,769 MB, then one more per 1,769 MB, at most 6. */
export function vcpuCount(memory: number): number {
  return MathMax(1, MathMin(6, MathCeil(memory / MB_PER_VCPU)));
}

/** A stable per-environment link-local address, like Lambda's hostnames. */
function hostname(deps: OsDeps): string {
  const seed = StringCtor(env(deps)['AWS_LAMBDA_LOG_STREAM_NAME'] ?? '') + StringCtor(deps.startTime);
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = MathImul(h ^ (call(StringPrototypeCharCodeAt, seed, i) as number), 16777619) >>> 0;
  return `169.254.${(h >>> 8) & 0xff}.${(h & 0xff) | 1}`;
}

const SIGNALS = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19,
  SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28,
  SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};
const ERRNO = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EBUSY: 16, EEXIST: 17,
  EXDEV: 18, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOSPC: 28, EROFS: 30, EPIPE: 32, ENAMETOOLONG: 36,
  ENOSYS: 38, ENOTEMPTY: 39, ETIMEDOUT: 110, ECONNREFUSED: 111,
};

export function createOs(deps: OsDeps): Record<string, unknown> {
  const x64 = deps.process['arch'] !== 'arm64';
  const memory = memoryMB(deps);
  const cpu = () => ({
    model: x64 ? 'Intel(R) Xeon(R) Processor @ 2.90GHz' : 'ARM Neoverse-N1',
    speed: x64 ? 2900 : 2500,
    times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
  });
  const host = hostname(deps);
  return {
    EOL: '\n',
    devNull: '/dev/null',
    constants: { signals: SIGNALS, errno: ERRNO, priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 }, dlopen: {}, UV_UDP_REUSEADDR: 4 },
    arch: () => (x64 ? 'x64' : 'arm64'),
    machine: () => (x64 ? 'x86_64' : 'aarch64'),
    platform: () => 'linux',
    type: () => 'Linux',
    release: () => (x64 ? '5.10.240-258.970.amzn2.x86_64' : '5.10.240-258.970.amzn2.aarch64'),
    version: () => '#1 SMP Wed Jul 30 17:45:58 UTC 2025',
    endianness: () => 'LE',
    hostname: () => host,
    homedir: () => '/home/sbx_user1051',
    tmpdir: () => '/tmp',
    userInfo: () => ({ uid: 993, gid: 990, username: 'sbx_user1051', homedir: '/home/sbx_user1051', shell: null }),
    cpus: () => {
      const list = [];
      for (let i = 0; i < vcpuCount(memory); i++) list[i] = cpu();
      return list;
    },
    availableParallelism: () => vcpuCount(memory),
    totalmem: () => memory * MB,
    freemem: () => MathFloor(memory * MB * 0.8),
    uptime: () => MathFloor((deps.now() - deps.startTime) / 1000),
    loadavg: () => [0, 0, 0],
    networkInterfaces: () => ({
      lo: [
        { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
      ],
    }),
    getPriority: () => 0,
    setPriority: () => {
      throw notAvailable('os.setPriority()');
    },
  };
}
