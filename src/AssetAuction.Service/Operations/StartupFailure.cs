using AssetAuction.Service.Data;

namespace AssetAuction.Service.Operations;

/// <summary>The one-line reason a start-up failed, for the log line before the process exits.</summary>
internal static class StartupFailure
{
    /// <summary>
    /// The database's own error when there is one in the chain (libraries wrap it: Quartz reports a failed
    /// connection as a failed schema validation), otherwise the outermost message.
    /// </summary>
    public static string Reason(Exception error) => DatabaseErrors.In(error)?.Message ?? error.Message;
}
