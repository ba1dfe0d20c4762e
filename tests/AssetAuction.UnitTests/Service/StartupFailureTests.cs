using AssetAuction.Service.Operations;
using Microsoft.Data.Sqlite;

namespace AssetAuction.UnitTests.Service;

public sealed class StartupFailureTests
{
    [Fact]
    public void The_database_error_inside_a_wrapper_is_the_reason()
    {
        var wrapped = new InvalidOperationException("Database schema validation failed", new SqliteException("unable to open database file", 14));

        Assert.Equal("unable to open database file", StartupFailure.Reason(wrapped));
    }

    [Fact]
    public void Without_a_database_error_the_outer_message_is_the_reason()
    {
        Assert.Equal("bad settings", StartupFailure.Reason(new InvalidOperationException("bad settings", new IOException("inner"))));
    }
}

public sealed class DatabaseErrorsTests
{
    [Fact]
    public void A_busy_sqlite_database_inside_ef_wrappers_is_transient()
    {
        var busy = new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new SqliteException("database is locked", 5));

        Assert.True(AssetAuction.Service.Data.DatabaseErrors.IsTransient(busy));
    }

    [Fact]
    public void A_constraint_violation_is_not_transient()
    {
        Assert.False(AssetAuction.Service.Data.DatabaseErrors.IsTransient(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.False(AssetAuction.Service.Data.DatabaseErrors.IsTransient(new InvalidOperationException("no database here")));
    }
}
