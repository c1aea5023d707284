package dev.spindle.resources.files;

/** The spec records of the files domain, sealed so {@link FilesResources#ALL} is checked against them. */
public sealed interface FilesSpec permits EtcFileSpec, EtcFileStatus, MachineFileStatus {}
