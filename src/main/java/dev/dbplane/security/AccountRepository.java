package dev.dbplane.security;

import org.springframework.data.jpa.repository.JpaRepository;

/** {@code account}; its one write is SQL ({@link AccountRepositoryImpl} says why). */
interface AccountRepository extends JpaRepository<Account, String>, AccountRepositoryCustom {

}
