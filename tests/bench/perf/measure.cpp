// Runs a command and reports its wall time, CPU time and peak memory as one JSON line:
//   measure [--timeout SECONDS] [--mem-limit-mb MB] -- COMMAND ARGS...
//   {"wall_s":1.23,"user_s":1.1,"sys_s":0.1,"max_rss_kb":81234,"exit":0,"signal":0,"timed_out":false}
// Peak memory is the child's ru_maxrss (wait4); on a timeout the child is killed and the peak
// is its VmHWM, read from /proc just before. --mem-limit-mb caps the child's address space
// (RLIMIT_AS), so a run that would exhaust the machine fails instead. The command's stdout goes
// to /dev/null; its stderr is kept. Built by bench.mjs with g++ -O2 -std=c++17.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

double now() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

long vm_hwm_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

double seconds(const timeval &t) { return t.tv_sec + t.tv_usec / 1e6; }

} // namespace

int main(int argc, char **argv) {
  double timeout = 0;
  long mem_limit_mb = 0;
  int i = 1;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
    if (!std::strcmp(argv[i], "--timeout") && i + 1 < argc)
      timeout = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--mem-limit-mb") && i + 1 < argc)
      mem_limit_mb = std::atol(argv[++i]);
    else {
      std::fprintf(stderr, "usage: measure [--timeout S] [--mem-limit-mb MB] -- COMMAND ARGS...\n");
      return 2;
    }
  }
  if (i + 1 >= argc) {
    std::fprintf(stderr, "measure: no command\n");
    return 2;
  }
  char **command = argv + i + 1;
  double start = now();
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, 1);
    if (mem_limit_mb > 0) {
      rlimit limit{};
      limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(mem_limit_mb) << 20;
      setrlimit(RLIMIT_AS, &limit);
    }
    execvp(command[0], command);
    std::fprintf(stderr, "measure: cannot run %s: %s\n", command[0], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  bool timed_out = false;
  long hwm = 0;
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (timeout > 0 && now() - start > timeout) {
      hwm = vm_hwm_kb(pid);
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      timed_out = true;
      break;
    }
    usleep(now() - start < 1 ? 1000 : 20000);
  }
  double wall = now() - start;
  long max_rss = timed_out ? std::max(hwm, usage.ru_maxrss) : usage.ru_maxrss;
  std::printf("{\"wall_s\":%.6f,\"user_s\":%.6f,\"sys_s\":%.6f,\"max_rss_kb\":%ld,\"exit\":%d,\"signal\":%d,"
              "\"timed_out\":%s}\n",
              wall, seconds(usage.ru_utime), seconds(usage.ru_stime), max_rss,
              WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? WTERMSIG(status) : 0,
              timed_out ? "true" : "false");
  return 0;
}
