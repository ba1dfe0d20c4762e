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
