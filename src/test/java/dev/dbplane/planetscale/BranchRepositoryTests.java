package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.dbplane.RepositoryTest;
import dev.dbplane.persistence.Constraints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Branches: the finds of the branch service, the constraints of the table, the
 * provisioning queries, and the lock on their database. A database's insert commits on
 * its own and the lock is seen from other connections, so these tests run outside a
 * transaction, each with a database of its own that it removes afterwards.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class BranchRepositoryTests extends RepositoryTest {

	@Autowired
	private BranchRepository branches;

	@Autowired
	private DatabaseRepository databases;

	@Autowired
	private OrganizationRepository organizations;

	@Autowired
	private Regions regions;

	@Autowired
	private ClusterSizes clusterSizes;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private final ExecutorService pool = Executors.newCachedThreadPool();

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private StoredDatabase database;

	@BeforeEach
	void database() {
		this.database = StoredDatabase.create(this.organizations, this.databases, this.branches);
	}

	@AfterEach
	void removeDatabase() {
		this.pool.shutdownNow();
		this.database.delete(this.jdbc);
	}

	@Test
	void whenBranchesAreSavedThenTheServicesFindsReadThemWithinTheirDatabaseOnly() {
		var dev = this.branches.save(branch("dev", "main", this.now, false));
		var feature = this.branches.save(branch("feature", "dev", this.now, false));

		assertThat(this.branches.findByDatabaseIdAndName(this.database.id(), "dev")).map(Branch::getId)
			.contains(dev.getId());
		assertThat(this.branches.findByDatabaseIdAndName(this.database.id(), "missing")).isEmpty();
		assertThat(this.branches.findByDatabaseIdAndId(this.database.id(), feature.getId())).map(Branch::getName)
			.contains("feature");
		assertThat(this.branches.findByDatabaseIdAndId("nosuchdb0000", feature.getId())).isEmpty();
		assertThat(this.branches.countByDatabaseId(this.database.id())).isEqualTo(3);
		assertThat(this.branches.findByDatabaseIdAndParentBranch(this.database.id(), "main")).extracting(Branch::getId)
			.containsExactly(dev.getId());
		assertThat(this.branches.findByDatabaseIdAndParentBranch(this.database.id(), "dev")).extracting(Branch::getId)
			.containsExactly(feature.getId());
		assertThat(this.branches.findByDatabaseId(this.database.id())).extracting(Branch::getName)
			.containsExactlyInAnyOrder("main", "dev", "feature");
		var found = this.branches.findById(dev.getId()).orElseThrow();
		assertThat(version(dev.getId())).isZero();
		assertThat(found.getCreatedAt()).isEqualTo(this.now);
		assertThat(found.getClusterName()).isEqualTo("PS_10");
		assertThat(found.getVtgateSize()).isEqualTo("VTG_5");
		assertThat(found.getVtgateCount()).isEqualTo(2);
	}

	@Test
	void whenANameIsTakenInTheDatabaseThenTheUniqueConstraintRefusesTheBranch() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.branches.saveAndFlush(branch("main", null, this.now, false)))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_name_unique")).isTrue());
	}

	@Test
	void whenTheDatabaseIsGoneThenTheForeignKeyRefusesTheBranch() {
		var orphan = new Branch("nosuchdb0000", "dev", "main", region(), size(), null, null, false, false, null,
				this.now, Duration.ofHours(1), false);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.branches.saveAndFlush(orphan))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_database_id_fkey")).isTrue());
	}

	@Test
	void whenABranchIsChangedThenItsVersionGrowsAndAStaleChangeIsRefused() {
		var dev = this.branches.save(branch("dev", "main", this.now, false));

		this.transactions.executeWithoutResult((status) -> this.branches.findById(dev.getId())
			.orElseThrow()
			.update("renamed", null, this.now.plusSeconds(1)));
		assertThat(version(dev.getId())).isOne();

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				var managed = this.branches.findById(dev.getId()).orElseThrow();
				this.jdbc.sql("update planetscale_branch set version = version + 1 where id = ?")
					.param(dev.getId())
					.update();
				managed.update("stale", null, this.now.plusSeconds(2));
				this.branches.flush();
			}));
		assertThat(this.branches.findById(dev.getId()).orElseThrow().getName()).isEqualTo("renamed");
	}

	@Test
	void whenBranchesWaitForTheirProvisioningThenTheOldestCreatedBeforeTheCutOffComeFirst() {
		var oldest = this.branches.save(branch("oldest", "main", this.now.minusSeconds(3), true)).getId();
		var requested = branch("requested", "main", this.now.minusSeconds(2), true);
		requested.takeProvisioning();
		this.branches.save(requested);
		this.branches.save(branch("plain", "main", this.now.minusSeconds(2), false));
		var newer = this.branches.save(branch("newer", "main", this.now.minusSeconds(1), true)).getId();
		this.branches.save(branch("at-cut-off", "main", this.now, true));

		this.transactions.executeWithoutResult((status) -> {
			// Other test classes' waiting branches are set aside until this rolls back.
			this.jdbc.sql(
					"update planetscale_branch set provisioning = null where provisioning = 'WAITING' and database_id <> ?")
				.param(this.database.id())
				.update();
			assertThat(this.branches.findIdsWaitingSince(this.now, Limit.of(100))).containsExactly(oldest, newer);
			assertThat(this.branches.findIdsWaitingSince(this.now, Limit.of(1))).containsExactly(oldest);
			status.setRollbackOnly();
		});
	}

	@Test
	void whenABranchsProvisioningIsDoneThenItIsReadyFromNowOrItsOwnLaterReadyTime() {
		var late = requested(branch("late", "main", this.now.minus(2, ChronoUnit.HOURS), true));
		var early = requested(branch("early", "main", this.now, true));
		var waiting = this.branches.save(branch("waiting", "main", this.now, true));

		assertThat(provisioned(late.getId())).isOne();
		assertThat(provisioned(early.getId())).isOne();
		assertThat(provisioned(waiting.getId())).isZero();
		assertThat(provisioned(late.getId())).isZero();

		var lateNow = this.branches.findById(late.getId()).orElseThrow();
		assertThat(lateNow.getProvisioning()).isNull();
		assertThat(lateNow.getReadyAt()).isEqualTo(this.now);
		assertThat(version(late.getId())).isZero();
		var earlyNow = this.branches.findById(early.getId()).orElseThrow();
		assertThat(earlyNow.getProvisioning()).isNull();
		assertThat(earlyNow.getReadyAt()).isEqualTo(this.now.plus(1, ChronoUnit.HOURS));
		assertThat(this.branches.findById(waiting.getId()).orElseThrow().getProvisioning())
			.isEqualTo(Branch.Provisioning.WAITING);
	}

	@Test
	void whenTheDatabaseIsLockedThenAnotherConnectionsBranchInsertWaitsUntilTheLockEnds() throws Exception {
		var locked = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var holder = this.pool.submit(() -> this.transactions.executeWithoutResult((status) -> {
			assertThat(this.branches.lockDatabase(this.database.id())).isTrue();
			locked.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		try {
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			var insert = this.pool.submit(() -> this.branches.saveAndFlush(branch("dev", "main", this.now, false)));

			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (waitingInserts() == 0) {
				if (insert.isDone()) {
					insert.get();
					fail("The branch insert went through while its database was locked");
				}
				if (System.nanoTime() > deadline) {
					fail("The branch insert never waited for the lock");
				}
				Thread.sleep(20);
			}
			assertThat(insert.isDone()).isFalse();

			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
			assertThat(insert.get(30, TimeUnit.SECONDS).getName()).isEqualTo("dev");
			assertThat(this.branches.countByDatabaseId(this.database.id())).isEqualTo(2);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void whenTheDatabaseIsGoneThenNothingIsLocked() {
		assertThat(locks("nosuchdb0000")).isFalse();
		assertThat(locks(this.database.id())).isTrue();
	}

	private boolean locks(String databaseId) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> this.branches.lockDatabase(databaseId)));
	}

	/** Statements of this database that insert a branch and wait for a lock. */
	private long waitingInserts() {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock' and state = 'active'
				    and lower(query) like 'insert into planetscale_branch %'""").query(Long.class).single();
	}

	private long version(String id) {
		return this.jdbc.sql("select version from planetscale_branch where id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private int provisioned(String id) {
		return this.transactions.execute((status) -> this.branches.provisioned(id, this.now));
	}

	private Branch requested(Branch branch) {
		assertThat(branch.takeProvisioning()).isTrue();
		return this.branches.save(branch);
	}

	private Branch branch(String name, String parent, Instant createdAt, boolean provisioned) {
		return new Branch(this.database.id(), name, parent, region(), size(), null, null, false, false, null, createdAt,
				Duration.ofHours(1), provisioned);
	}

	private Region region() {
		return this.regions.findBySlug("us-east");
	}

	private ClusterSize size() {
		return this.clusterSizes.findByName("PS_10");
	}

}
