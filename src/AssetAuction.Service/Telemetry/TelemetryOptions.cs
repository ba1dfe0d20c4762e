namespace AssetAuction.Service.Telemetry;

/// <summary>The `Telemetry` settings. Both exporters are off unless configured: OTLP needs a collector, and the
/// scrape endpoint a port of its own (so it is never exposed on the API's ports).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>service.name of traces, metrics and logs.</summary>
    public string ServiceName { get; set; } = "asset-auction";

    /// <summary>OTLP endpoint (gRPC, e.g. http://otel-collector:4317) for traces, metrics and logs; empty: no export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>Port of the Prometheus scrape endpoint (/metrics, HTTP/1.1, anonymous); 0: none.</summary>
    public int PrometheusPort { get; set; }
}
