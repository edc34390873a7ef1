package org.vipctl.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One line for people about a failed file operation: what is wrong with which path. */
public final class IoProblem {

    private IoProblem() {
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String path = f.getFile() == null ? "" : f.getFile();
            String why;
            if (e instanceof AccessDeniedException) {
                why = "permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                why = "a file is in the way (a folder is needed there, or the other way round)";
            } else if (e instanceof NoSuchFileException) {
                why = "no such file or folder";
            } else if (e instanceof NotDirectoryException) {
                why = "not a folder";
            } else if (e instanceof DirectoryNotEmptyException) {
                why = "the folder is not empty";
            } else {
                why = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
            }
            return path.isEmpty() ? why : path + ": " + why;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
