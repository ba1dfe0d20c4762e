using AssetAuction.Service.Data;

namespace AssetAuction.Service.Journal;

internal static class JournalSetup
{
    /// <summary>The write path every change goes through: the mutation runner, the shared group commit behind the provider's write gate, the id generator, and the signal to the event feed.</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddSingleton<IJournalGate>(sp => sp.GetRequiredService<DatabaseOptions>().IsSqlServer ? new SqlServerJournalGate() : new SqliteJournalGate());
        services.AddSingleton<IIdGenerator, IdGenerator>();
        services.AddSingleton<EventSignal>();
        services.AddSingleton<GroupCommit>();
        services.AddScoped<MutationRunner>();
        return services;
    }
}
