#ifndef DOSSIER_CBUILDSTAMP_STAMP_H
#define DOSSIER_CBUILDSTAMP_STAMP_H

/* The commit a binary was built from, when its build said so: scripts/package.sh passes
   -Xcc -DDOSSIER_COMMIT='"<hash>"'. Swift's -D flags carry no values, a C macro does, and this
   inline function is compiled with the flags of the Swift module that imports it.
   A plain `swift build` defines nothing, and the binary says "commit unknown". */
static inline const char *dossier_build_commit(void) {
#ifdef DOSSIER_COMMIT
    return DOSSIER_COMMIT;
#else
    return (const char *)0;
#endif
}

#endif
