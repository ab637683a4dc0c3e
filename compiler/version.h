/* version.h - the one place the version is written. */
#ifndef ROADMAPC_VERSION_H
#define ROADMAPC_VERSION_H

#define ROADMAPC_VERSION "0.1.0"

#endif
