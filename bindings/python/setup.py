"""Builds qgov's Python package from the checkout: CMake compiles the C++ library and the _qgov extension
(QGOV_BUILD_PYTHON=ON) with the interpreter running pip, and the result is copied into the package.

Environment: QGOV_CMAKE_BUILD_DIR (default <checkout>/build/pip, reused between installs),
QGOV_CMAKE_BUILD_TYPE (default Release), QGOV_BUILD_JOBS (default: all cores)."""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def version() -> str:
    text = (ROOT / "include" / "qgov" / "version.hpp").read_text(encoding="utf-8")
    parts = [re.search(rf"#define QGOV_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class CMakeExtension(Extension):
    def __init__(self, name: str):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        build_dir = pathlib.Path(os.environ.get("QGOV_CMAKE_BUILD_DIR", ROOT / "build" / "pip"))
        build_type = os.environ.get("QGOV_CMAKE_BUILD_TYPE", "Release")
        jobs = os.environ.get("QGOV_BUILD_JOBS", str(os.cpu_count() or 2))
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_dir), f"-DCMAKE_BUILD_TYPE={build_type}",
                        "-DQGOV_BUILD_PYTHON=ON", "-DQGOV_BUILD_TESTS=OFF", "-DQGOV_BUILD_TOOLS=OFF",
                        "-DQGOV_INSTALL=OFF", f"-DPython_EXECUTABLE={sys.executable}"], check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_qgov", "-j", jobs], check=True)
        built = sorted((build_dir / "python" / "qgov").glob("_qgov*.so"))
        if not built:
            raise RuntimeError(f"CMake did not produce _qgov*.so in {build_dir / 'python' / 'qgov'}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[-1], target)


setup(
    version=version(),
    packages=["qgov"],
    package_data={"qgov": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("qgov._qgov")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
