namespace AssetAuction.Service.Limits;

/// <summary>
/// Limits on connections, streams and messages (configuration section "Limits"). The defaults are safe for one
/// enforcement office's traffic; every value is validated when the host starts.
/// </summary>
public sealed class ServerLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Concurrent server streams (StreamEvents, StreamAuctionRounds) one caller (token subject) may hold open.</summary>
    public int MaxStreamsPerCaller { get; set; } = 8;

    /// <summary>Open TCP connections the server accepts at once.</summary>
    public long MaxConcurrentConnections { get; set; } = 1000;

    /// <summary>Concurrent HTTP/2 streams (calls) on one connection.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>The largest request message, in bytes; larger ones are RESOURCE_EXHAUSTED before they are parsed.</summary>
    public int MaxRequestMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest request message of the proceeds service, in bytes: ImportStatement carries a whole bank statement
    /// (100,000 lines are 6 to 10 MB; its validator allows 20,000,000 characters). Only that service gets it.
    /// </summary>
    public int MaxStatementMessageBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>How long a connection with no call in flight stays open.</summary>
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a client has to send a request's headers.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this long without a frame from the client, the server pings it (HTTP/2 keep-alive)...</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>...and closes the connection (a half-open one, its client gone) when the ping is not answered within this.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The setting that is out of range, or null when all are fine.</summary>
    public string? Problem()
    {
        string? Positive(string name, double value, double max) =>
            value > 0 && value <= max ? null : $"{Section}:{name} must be positive and at most {max} (is {value})";

        return Positive(nameof(MaxStreamsPerCaller), MaxStreamsPerCaller, 10_000)
            ?? Positive(nameof(MaxConcurrentConnections), MaxConcurrentConnections, 1_000_000)
            ?? Positive(nameof(MaxStreamsPerConnection), MaxStreamsPerConnection, 10_000)
            ?? Positive(nameof(MaxRequestMessageBytes), MaxRequestMessageBytes, 64 * 1024 * 1024)
            ?? Positive(nameof(MaxStatementMessageBytes), MaxStatementMessageBytes, 64 * 1024 * 1024)
            ?? Positive(nameof(IdleConnectionTimeout) + " (seconds)", IdleConnectionTimeout.TotalSeconds, 86_400)
            ?? Positive(nameof(RequestHeadersTimeout) + " (seconds)", RequestHeadersTimeout.TotalSeconds, 3_600)
            ?? Positive(nameof(KeepAlivePingDelay) + " (seconds)", KeepAlivePingDelay.TotalSeconds, 86_400)
            ?? Positive(nameof(KeepAlivePingTimeout) + " (seconds)", KeepAlivePingTimeout.TotalSeconds, 3_600);
    }
}
