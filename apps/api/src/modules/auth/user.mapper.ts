import type { StaffDto } from './dto/staff.dto.js';
import type { UserDto } from './dto/auth.dto.js';
import type { UserEntity } from './user.entity.js';

// Fields are listed one by one: nothing (a password hash) leaves by accident.
export const toUserDto = (u: Pick<UserEntity, 'id' | 'email' | 'name' | 'roles'>): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
});

export const toStaffDto = (
  u: Pick<UserEntity, 'id' | 'email' | 'name' | 'roles' | 'disabled' | 'createdAt'>,
): StaffDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  disabled: u.disabled,
  createdAt: new Date(u.createdAt).toISOString(),
});
