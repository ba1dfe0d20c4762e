namespace AssetAuction.Cli;

/// <summary>The tool's exit codes, documented in the README for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The service refused: a rule, a validation, a permission, or a missing resource.</summary>
    public const int Refused = 1;

    /// <summary>The command line or an input file is wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The service could not be reached or is unavailable for now: retry (with the same --request-id).</summary>
    public const int Unreachable = 3;
}

/// <summary>A wrong command line or input file, found before anything is sent: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
