namespace AssetAuction.Service.Journal;

internal static class JournalSetup
{
    /// <summary>The write path every change goes through: the mutation runner, the shared group commit, and the signal to the event feed.</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddSingleton<EventSignal>();
        services.AddSingleton<GroupCommit>();
        services.AddScoped<MutationRunner>();
        return services;
    }
}
