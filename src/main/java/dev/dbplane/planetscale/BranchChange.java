package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A change request of a branch, as PlanetScale's API keeps them: a cluster change (size,
 * replicas, PostgreSQL parameters) or a vtgate resize, with what the branch had before.
 * dbplane applies a change at once, so a request is created completed and never changes
 * afterwards.
 */
@Entity
@Table(name = "planetscale_branch_change")
class BranchChange implements Persistable<String> {

	@Id
	private String id;

	private String branchId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String clusterName;

	private String previousClusterName;

	private Integer replicas;

	private Integer previousReplicas;

	@Convert(converter = JsonText.Parameters.class)
	private Map<String, Map<String, String>> parameters;

	@Convert(converter = JsonText.Parameters.class)
	private Map<String, Map<String, String>> previousParameters;

	private String vtgateSize;

	private String previousVtgateSize;

	private Integer vtgateCount;

	private Integer previousVtgateCount;

	private Integer vtgateMaxCount;

	private Integer previousVtgateMaxCount;

	private Boolean vtgateAutoscaling;

	private Boolean previousVtgateAutoscaling;

	@Column(name = "vtgate_target_cpu_utilization")
	private Integer vtgateTargetCpuUtilization;

	@Column(name = "previous_vtgate_target_cpu_utilization")
	private Integer previousVtgateTargetCpuUtilization;

	private String actorId;

	private Instant createdAt;

	private Instant completedAt;

	/** Whether the row exists: a new request is inserted, never merged. */
	@Transient
	private boolean stored;

	protected BranchChange() {
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	private BranchChange(Branch branch, Kind kind, String actorId, Instant now) {
		this.id = PublicIds.next();
		this.branchId = branch.getId();
		this.kind = kind;
		this.actorId = actorId;
		this.createdAt = now;
		this.completedAt = now;
	}

	/**
	 * The cluster change that took {@code branch} from {@code before} to what it has now,
	 * applied at {@code now}.
	 */
	static BranchChange cluster(Cluster before, Branch branch, String actorId, Instant now) {
		var change = new BranchChange(branch, Kind.CLUSTER, actorId, now);
		var after = Cluster.of(branch);
		change.clusterName = after.clusterName();
		change.replicas = after.replicas();
		change.parameters = after.parameters();
		change.previousClusterName = before.clusterName();
		change.previousReplicas = before.replicas();
		change.previousParameters = before.parameters();
		return change;
	}

	/**
	 * The vtgate resize that took {@code branch} from {@code before} to what it has now,
	 * applied at {@code now}.
	 */
	static BranchChange vtgate(Vtgate before, Branch branch, String actorId, Instant now) {
		var change = new BranchChange(branch, Kind.VTGATE, actorId, now);
		var after = Vtgate.of(branch);
		change.vtgateSize = after.size();
		change.vtgateCount = after.count();
		change.vtgateMaxCount = after.maxCount();
		change.vtgateAutoscaling = after.autoscaling();
		change.vtgateTargetCpuUtilization = after.targetCpuUtilization();
		change.previousVtgateSize = before.size();
		change.previousVtgateCount = before.count();
		change.previousVtgateMaxCount = before.maxCount();
		change.previousVtgateAutoscaling = before.autoscaling();
		change.previousVtgateTargetCpuUtilization = before.targetCpuUtilization();
		return change;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getBranchId() {
		return this.branchId;
	}

	Kind getKind() {
		return this.kind;
	}

	Cluster getCluster() {
		return new Cluster(this.clusterName, this.replicas, this.parameters);
	}

	Cluster getPreviousCluster() {
		return new Cluster(this.previousClusterName, this.previousReplicas, this.previousParameters);
	}

	Vtgate getVtgate() {
		return new Vtgate(this.vtgateSize, this.vtgateCount, this.vtgateMaxCount, this.vtgateAutoscaling,
				this.vtgateTargetCpuUtilization);
	}

	Vtgate getPreviousVtgate() {
		return new Vtgate(this.previousVtgateSize, this.previousVtgateCount, this.previousVtgateMaxCount,
				this.previousVtgateAutoscaling, this.previousVtgateTargetCpuUtilization);
	}

	String getActorId() {
		return this.actorId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getCompletedAt() {
		return this.completedAt;
	}

	enum Kind {

		/** Cluster size, replicas and parameters: listed under {@code .../changes}. */
		CLUSTER,

		/** Vtgates: listed under {@code .../resizes}. */
		VTGATE

	}

	/** What a cluster change sets. */
	record Cluster(String clusterName, Integer replicas, Map<String, Map<String, String>> parameters) {

		static Cluster of(Branch branch) {
			return new Cluster(branch.getClusterName(), branch.getReplicas(), branch.getParameters());
		}

	}

	/** What a vtgate resize sets. */
	record Vtgate(String size, Integer count, Integer maxCount, Boolean autoscaling, Integer targetCpuUtilization) {

		static Vtgate of(Branch branch) {
			return new Vtgate(branch.getVtgateSize(), branch.getVtgateCount(), branch.getVtgateMaxCount(),
					branch.isVtgateAutoscaling(), branch.getVtgateTargetCpuUtilization());
		}

	}

}
