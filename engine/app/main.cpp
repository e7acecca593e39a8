// saker: the engine binary. Everything happens in app.cpp so that tests can run it in-process.
#include <string>
#include <vector>

#include "engine/app/app.h"

int main(int argc, char** argv) { return saker::app::run_app(std::vector<std::string>(argv, argv + argc)); }
