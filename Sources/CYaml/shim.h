#ifndef DOSSIER_CYAML_SHIM_H
#define DOSSIER_CYAML_SHIM_H
#include <yaml.h>
#ifdef __linux__
/* malloc_trim: the loader gives the pages it freed back to the system (DossierLoader.swift) */
#include <malloc.h>
#endif
#endif
