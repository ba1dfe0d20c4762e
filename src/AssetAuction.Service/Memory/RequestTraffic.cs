namespace AssetAuction.Service.Memory;

/// <summary>
/// Counts requests as they start and as they end (a server stream: when it opens and when it closes), for the idle
/// trim to tell a load from a quiet service. Per host, not a static meter: tests run several hosts in one process.
/// </summary>
public sealed class RequestTraffic
{
    private long _events;

    /// <summary>Requests started plus requests ended since the process started.</summary>
    public long Events => Interlocked.Read(ref _events);

    internal void Record() => Interlocked.Increment(ref _events);

    /// <summary>Puts the counting middleware first in the pipeline, so every request counts, refused ones too.</summary>
    internal sealed class Filter(RequestTraffic traffic) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                traffic.Record();
                try
                {
                    await proceed(context);
                }
                finally
                {
                    traffic.Record();
                }
            });
            next(app);
        };
    }
}
