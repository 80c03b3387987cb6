namespace CrossEntropy.Tracking.Internal;

/// <summary>
/// Finds the source commit without running git: from the build's informational version
/// ("1.0.0+abc123…", written by the SDK's source-link support), CI variables, or the .git
/// directory above the working directory. Any failure just means "unknown".
/// </summary>
internal static class GitCommitProbe
{
    public static string? Find(string informationalVersion, string startDirectory)
    {
        var plus = informationalVersion.IndexOf('+');
        if (plus >= 0 && IsCommitHash(informationalVersion[(plus + 1)..]))
            return informationalVersion[(plus + 1)..];

        foreach (var variable in (string[])["GIT_COMMIT", "GITHUB_SHA", "BUILD_SOURCEVERSION"])
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (value is not null && IsCommitHash(value))
                return value;
        }

        try
        {
            return FromCheckout(startDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FromCheckout(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            string? gitDir = null;
            if (Directory.Exists(dotGit))
                gitDir = dotGit;
            else if (File.Exists(dotGit))
            {
                // A worktree or submodule: ".git" is a file holding "gitdir: <path>".
                var line = File.ReadAllText(dotGit).Trim();
                if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                    gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), dir.FullName);
            }

            if (gitDir is not null)
                return ResolveHead(gitDir);
        }

        return null;
    }

    private static string? ResolveHead(string gitDir)
    {
        var headFile = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headFile)) return null;
        var head = File.ReadAllText(headFile).Trim();
        if (IsCommitHash(head)) return head;
        if (!head.StartsWith("ref:", StringComparison.Ordinal)) return null;

        var reference = head["ref:".Length..].Trim();
        // Branch refs of a worktree live in the common directory named by "commondir".
        var commonDirFile = Path.Combine(gitDir, "commondir");
        var commonDir = File.Exists(commonDirFile)
            ? Path.GetFullPath(File.ReadAllText(commonDirFile).Trim(), gitDir)
            : gitDir;
        foreach (var root in (string[])[gitDir, commonDir])
        {
            var refFile = Path.Combine(root, reference);
            if (File.Exists(refFile))
            {
                var hash = File.ReadAllText(refFile).Trim();
                if (IsCommitHash(hash)) return hash;
            }

            var packed = Path.Combine(root, "packed-refs");
            if (File.Exists(packed))
            {
                foreach (var line in File.ReadLines(packed))
                {
                    var parts = line.Split(' ');
                    if (parts.Length == 2 && parts[1] == reference && IsCommitHash(parts[0]))
                        return parts[0];
                }
            }
        }

        return null;
    }

    private static bool IsCommitHash(string value) =>
        value.Length is 40 or 64 && value.All(char.IsAsciiHexDigit);
}
