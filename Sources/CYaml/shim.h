#ifndef DOSSIER_CYAML_SHIM_H
#define DOSSIER_CYAML_SHIM_H
#include <yaml.h>
#endif
