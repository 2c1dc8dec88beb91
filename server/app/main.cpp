#include "application.h"

int main(int argc, char** argv, char** envp)
{
    return sbor::runServer(std::vector<std::string>(argv + 1, argv + argc), envp);
}
