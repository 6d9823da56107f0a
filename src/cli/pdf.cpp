// qgov report --format pdf: the HTML report printed to PDF by a headless Chromium, which lays out the print CSS
// (A4 pages, page numbers, one page per unit) exactly as a person printing the page would get it.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "common.hpp"

extern char** environ;

namespace qgov::inline QGOV_ABI::cli {
namespace {

namespace fs = std::filesystem;

// $QGOV_CHROMIUM, else the first of the usual names on PATH.
std::optional<std::string> find_chromium() {
  if (const char* env = std::getenv("QGOV_CHROMIUM"); env && *env) return std::string(env);
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    std::string_view rest(path);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::string dir(rest.substr(0, colon));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
      if (dir.empty()) continue;
      const fs::path candidate = fs::path(dir) / name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  return std::nullopt;
}

struct temp_dir {
  fs::path path;
  temp_dir() {
    std::string pattern = (fs::temp_directory_path() / "qgov-pdf-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw qgov::error("cannot make a temporary folder for the PDF");
    path = pattern;
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

pdf_written write_pdf_report(const std::string& html, const std::string& out) {
  if (out.empty()) {
    std::cerr << "qgov: --format pdf writes a file: give --out FILE.pdf\n";
    throw CLI::RuntimeError(2);
  }
  const auto chromium = find_chromium();
  if (!chromium) {
    std::cerr << "qgov: --format pdf needs a headless Chromium, and none was found (looked at $QGOV_CHROMIUM, then "
                 "chromium, chromium-browser, google-chrome on PATH).\n"
                 "  Debian/Ubuntu: apt-get install chromium fonts-noto-cjk   (scripts/install-deps.sh --tests)\n"
                 "  or set QGOV_CHROMIUM=/path/to/chrome, or write --format html and print it to PDF from a browser\n"
                 "  (A4, background graphics on): the page carries the same print layout.\n";
    throw CLI::RuntimeError(2);
  }
  temp_dir tmp;
  const fs::path page = tmp.path / "report.html";
  {
    std::ofstream f(page, std::ios::binary);
    f << html;
    if (!f) throw qgov::error("cannot write " + page.string());
  }
  const fs::path target = fs::absolute(out);
  std::error_code ec;
  fs::remove(target, ec);
  const std::string log = (tmp.path / "chromium.log").string();
  std::vector<std::string> args{*chromium,
                                "--headless",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-quic",
                                "--user-data-dir=" + (tmp.path / "profile").string(),
                                "--no-pdf-header-footer",
                                "--print-to-pdf=" + target.string(),
                                "file://" + page.string()};
  if (::geteuid() == 0) args.insert(args.begin() + 2, "--no-sandbox");  // Chromium refuses to run as root otherwise
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, chromium->c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw qgov::error("cannot run " + *chromium + ": " + std::strerror(rc));
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (true) {
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) throw qgov::error("waiting for Chromium: " + std::string(std::strerror(errno)));
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw qgov::error(*chromium + " did not finish printing the PDF within 3 minutes");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::string head;
  {
    std::ifstream f(target, std::ios::binary);
    head.resize(5);
    if (!f.read(head.data(), 5)) head.clear();
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || head != "%PDF-") {
    std::ifstream l(log);
    std::string last, line;
    while (std::getline(l, line))
      if (!line.empty()) last = line;
    throw qgov::error(*chromium + " did not print the PDF " + target.string() +
                      (WIFEXITED(status) ? " (exit " + std::to_string(WEXITSTATUS(status)) + ")" : " (killed)") +
                      (last.empty() ? "" : ": " + last));
  }
  return {static_cast<std::size_t>(fs::file_size(target))};
}

}  // namespace qgov::cli
